package dev.meshpilot.server.chat;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.incident.IncidentOpener;
import dev.meshpilot.mesh.incident.IncidentRecorder;
import dev.meshpilot.mesh.openlineage.Times;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Decision;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.server.wiring.Sandbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens a finding of an answer as an incident, as the person who pressed the button: they must hold
 * {@code incidents:write} on the finding's product. The incident goes through {@link IncidentOpener}, the path
 * alerts take, with the finding's fingerprint, so pressing twice (or two people pressing) opens one incident. Its
 * title and description are made of the report's fields only (product, kind, metric). Thread-safe.
 */
final class IncidentOpenings {
    /** The incident's source. */
    static final String SOURCE = "chat";

    private final Sandbox sandbox;
    private final Clock clock;

    IncidentOpenings(Sandbox sandbox, Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    ChatReply open(Principal p, String value) {
        Optional<Opening> found = Opening.parse(value);
        if (found.isEmpty()) {
            return ChatReply.refuse("that button does not name a finding I can open as an incident");
        }
        Opening o = found.get();
        Optional<DataProduct> product = new Products(sandbox.mesh().store()).get(o.product());
        if (product.isEmpty()) {
            return ChatReply.refuse("there is no product `" + Commands.shown(o.product())
                    + "` in the loaded workspace any more; run the command again");
        }
        Decision d = AccessPolicy.check(
                p, Scope.INCIDENTS_WRITE, Resource.product(product.get().domain(), o.product()));
        if (!d.allowed()) {
            return ChatReply.refuse("Sorry, you cannot open incidents on `" + o.product() + "`: " + d.reason()
                    + ". Ask its owners, or a Meshpilot admin for `incidents:write` on it.");
        }
        String at = Times.format(clock.instant());
        IncidentRecorder.Outcome out;
        try {
            out = IncidentOpener.open(
                    sandbox.mesh().store(),
                    new IncidentRecorder.Signal(
                            o.fingerprint(),
                            o.product(),
                            o.title(),
                            "Opened from chat by " + p.id() + " on a " + o.report() + " finding: product " + o.product()
                                    + ", kind " + o.kind() + ", metric " + o.metric() + ".",
                            SOURCE,
                            null,
                            at));
        } catch (MeshpilotException e) {
            return ChatReply.refuse("could not open the incident: " + e.getMessage());
        }
        sandbox.incidentsTouched(List.of(out.id()));
        String text = out.opened()
                ? "opened " + out.id() + " for " + o.title()
                : o.title() + " is already open as " + out.id() + " (counted on it)";
        return new ChatReply(
                text,
                List.of(dev.meshpilot.agents.catalog.Renderers.ChatBlock.section(text)),
                null,
                out.id(),
                null,
                null,
                null,
                true);
    }
}

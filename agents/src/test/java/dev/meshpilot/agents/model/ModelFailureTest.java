package dev.meshpilot.agents.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** A model that cannot be reached is reported in words, whichever exception the client wrapped it in. */
class ModelFailureTest {

    @Test
    void should_say_the_host_does_not_resolve_when_the_client_reports_an_unresolved_model_server() {
        ModelFailure f =
                ModelFailure.classify(new RuntimeException(new UnresolvedModelServerException("nosuchhost.invalid")));

        assertThat(f.retriable()).isFalse();
        assertThat(f.reason()).isEqualTo("model server cannot be reached (its host name does not resolve)");
    }

    @Test
    void should_say_the_host_does_not_resolve_when_a_connect_exception_wraps_an_unresolved_address() {
        ConnectException connect = new ConnectException();
        connect.initCause(new UnresolvedAddressException());

        assertThat(ModelFailure.classify(connect).reason()).contains("its host name does not resolve");
    }

    @Test
    void should_retry_and_say_the_connection_was_refused_when_nothing_listens_on_the_port() {
        ModelFailure f = ModelFailure.classify(new RuntimeException(new ConnectException("Connection refused")));

        assertThat(f.retriable()).isTrue();
        assertThat(f.reason()).isEqualTo("model server cannot be reached (connection refused)");
    }
}

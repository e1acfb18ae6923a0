package dev.meshpilot.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command that reads or writes the home's store shares: {@code --home}, {@code --format}, output. */
abstract class StoreCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

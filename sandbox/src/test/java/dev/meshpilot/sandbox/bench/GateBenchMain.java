package dev.meshpilot.sandbox.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link GateBench} briefly (2 × 2 s warm-up, 3 × 3 s measurement per benchmark, one fork each); with
 * arguments, passes them to JMH instead (e.g. {@code GateBench.overhead -wi 3 -i 5}).
 */
public final class GateBenchMain {
    private GateBenchMain() {}

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Options options = new OptionsBuilder()
                .include(GateBench.class.getName())
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(3))
                .build();
        new Runner(options).run();
    }
}

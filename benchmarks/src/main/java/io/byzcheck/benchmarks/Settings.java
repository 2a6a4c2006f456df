package io.byzcheck.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark inherits (JMH sample 24, inheritance): average time per call in
 * ms; three forks, because the project's history has forks in which C2 left a generated sorting
 * network's vectors boxed (one fork in three, 10–20 MB per call), which a single fork would hide or
 * report as the truth; five warm-up seconds, because those networks are thousands of bytecodes and
 * reach C2 only after a few calls at n = 64 (each call is ~0.1 s there).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
@State(Scope.Benchmark)
public abstract class Settings {}

package arena.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkPlan;
import arena.bench.measure.Measurement;
import arena.bench.measure.Reference;
import arena.bench.measure.SampleContext;
import arena.bench.measure.Verification;
import arena.bench.report.BestModels.Entry;
import arena.bench.report.BestModels.Group;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BestModelsTest {

    private static final Reference REFERENCE = Reference.of(new JuliaParams(20, 0.322, 0.05, 1.5, 4.0, 100));

    private static Measurement measured(String strategy, int threads, List<Double> samples) {
        return measured(strategy, Kernels.reference().name(), threads, samples);
    }

    private static Measurement measured(String strategy, String kernel, int threads, List<Double> samples) {
        var configuration = new Configuration(StrategyRegistry.discover().find(strategy), Kernels.byName(kernel), threads, new Schedule.Dynamic(1));
        var summary = REFERENCE.summary();
        var verification = new Verification(configuration, REFERENCE, summary.sha256(), summary.fraction(), Optional.empty(), true);
        return new Measurement(verification, samples, 10.0);
    }

    private static final List<Double> FAST = List.of(10.0, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.01);
    private static final List<Double> FAST_TOO = List.of(10.03, 9.97, 10.08, 9.92, 10.0, 10.04, 9.96, 10.06);
    private static final List<Double> SLOW = List.of(16.0, 16.2, 15.8, 16.1, 15.9, 16.05, 15.95, 16.0);

    @Test
    void modelsWhoseRatioToTheFastestReachesOne_areTiedForBest_theOthersGetTheirRatio() {
        Report report = new Report(Environment.current(), List.of(
                measured("sequential", 1, List.of(20.0, 20.1, 19.9)),
                measured("virtual", 2, SLOW),
                measured("threads", 2, FAST_TOO),
                measured("forkjoin", 2, FAST)), List.of());

        List<Group> groups = BestModels.of(report).groups();

        assertThat(groups).hasSize(1);
        Group group = groups.get(0);
        assertThat(group.label()).isEqualTo("scalar 2T dynamic:1");
        assertThat(group.tied()).extracting(Entry::strategy).containsExactly("forkjoin", "threads");
        assertThat(group.others()).extracting(Entry::strategy).containsExactly("virtual");
        Entry virtual = group.others().get(0);
        assertThat(virtual.ratioToBest().estimate()).isCloseTo(1.6, org.assertj.core.api.Assertions.within(0.01));
        assertThat(virtual.ratioToBest().low()).isGreaterThan(1);
    }

    /**
     * Nine models that all run alike, measured in two forks each whose levels scatter by 3% (and their
     * samples by 1%), the fastest picked after the fact. At 95% per model, 92 of these 200 runs called
     * one of them slower; with Bonferroni over the eight comparisons with the fastest alone, 10-28 of
     * 200 (seeds 1-6); over all 36 pairs, with Student's quantile at the pair's level, 1-9.
     */
    @Test
    void modelsThatAllRunAlike_areCalledSlowerInAtMostAboutOneRunInTwenty() {
        long seed = Long.getLong("arena.seed", 20261128L);
        System.out.println("modelsThatAllRunAlike seed: " + seed + " (-Darena.seed=" + seed + " repeats it)");
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<String> models = List.of("forkjoin", "threads", "virtual", "reactor", "akka", "executor", "completable", "streams", "rxjava");
        int runs = 200, runsCallingOneSlower = 0;
        for (int run = 0; run < runs; run++) {
            List<Measurement> measured = new java.util.ArrayList<>();
            for (String model : models) {
                measured.add(forkedAlike(model, random));
            }
            Group group = BestModels.of(new Report(Environment.current(), new ForkPlan(2, seed), measured, List.of())).groups().get(0);
            if (!group.others().isEmpty()) {
                runsCallingOneSlower++;
            }
        }
        System.out.println("runs calling a model slower: " + runsCallingOneSlower + " of " + runs);
        assertThat(runsCallingOneSlower).as("seed %d", seed).isLessThanOrEqualTo(runs * 7 / 100);
    }

    /** Two forks of ten samples around 10 ms: a fork level drawn with 3% spread, samples with 1%. */
    private static Measurement forkedAlike(String strategy, java.util.SplittableRandom random) {
        Measurement plain = measured(strategy, 2, List.of(10.0));
        List<Double> samples = new java.util.ArrayList<>();
        List<Integer> forks = new java.util.ArrayList<>();
        for (int fork = 0; fork < 2; fork++) {
            double level = 10 * Math.exp(0.03 * gaussian(random));
            for (int i = 0; i < 10; i++) {
                samples.add(level * Math.exp(0.01 * gaussian(random)));
                forks.add(fork);
            }
        }
        return new Measurement(plain.verification(), samples, 20.0, null, forks, List.of(), List.of());
    }

    /** A standard normal draw (Box-Muller). */
    private static double gaussian(java.util.SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void theTextAndMarkdownReports_endWithTheAnswer() {
        Report report = new Report(Environment.current(), List.of(measured("virtual", 2, SLOW), measured("forkjoin", 2, FAST)), List.of());

        assertThat(ReportFormat.text.render(report))
                .contains("which model (tied: the interval of the ratio to the fastest reaches 1; a line's intervals hold together at 95%, Bonferroni):")
                .contains("  scalar 2T dynamic:1: best forkjoin; then virtual 1.60x [");
        assertThat(ReportFormat.markdown.render(report)).contains("## Which model")
                .contains("| scalar | 2 | dynamic:1 | forkjoin | virtual 1.60x [");
    }

    /** A kernel only one model ran is named once, with its configurations, not as a line per configuration that "wins" alone. */
    @Test
    void aKernelThatOneModelAloneRan_isOneLine_notAWinnerPerConfiguration() {
        Report report = new Report(Environment.current(), List.of(measured("virtual", 2, SLOW), measured("forkjoin", 2, FAST),
                measured("forkjoin", "vector", 1, FAST), measured("forkjoin", "vector", 2, FAST)), List.of());

        assertThat(ReportFormat.text.render(report))
                .contains("  scalar 2T dynamic:1: best forkjoin; then virtual 1.60x [")
                .contains("  vector: forkjoin alone (1T dynamic:1, 2T dynamic:1): no other model ran this kernel\n")
                .doesNotContain("vector 1T dynamic:1: best").doesNotContain("vector 2T dynamic:1: best");
        assertThat(ReportFormat.markdown.render(report))
                .contains("| scalar | 2 | dynamic:1 | forkjoin | virtual 1.60x [")
                .contains("One model alone ran these kernels, so there is nothing to compare: vector: forkjoin (1T dynamic:1, 2T dynamic:1).")
                .doesNotContain("| vector | 1 | dynamic:1 | forkjoin |").doesNotContain("| vector | 2 | dynamic:1 | forkjoin |");
        assertThat(BestModels.of(report).groups()).filteredOn(Group::alone).extracting(Group::label)
                .containsExactly("vector 1T dynamic:1", "vector 2T dynamic:1");
    }

    @Test
    void theReferenceAlone_givesNoAnswerSection() {
        Report report = new Report(Environment.current(), List.of(measured("sequential", 1, List.of(20.0, 20.1))), List.of());

        assertThat(BestModels.of(report).groups()).isEmpty();
        assertThat(ReportFormat.text.render(report)).doesNotContain("which model");
    }

    @Test
    void samplesThatSawACollectionOrACompilation_areCountedInTheReportAndPerRow() throws Exception {
        Measurement plain = measured("forkjoin", 2, FAST);
        List<SampleContext> contexts = new java.util.ArrayList<>();
        for (int i = 0; i < FAST.size(); i++) {
            contexts.add(new SampleContext(i == 0 ? 1 : 0, i == 0 ? 3 : 0, i < 3 ? 5 : 0));
        }
        Measurement recorded = new Measurement(plain.verification(), plain.samplesMs(), plain.baselineMedian(), null, List.of(), contexts, List.of());
        Report report = new Report(Environment.current(), List.of(recorded), List.of());

        assertThat(recorded.samplesWithCollection()).isEqualTo(1);
        assertThat(recorded.samplesWithCompilation()).isEqualTo(3);
        assertThat(ReportFormat.text.render(report)).contains("context: 1 of 8 samples saw a garbage collection, 3 saw JIT compilation");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportFormat.json.render(report));
        assertThat(json.get("results").get(0).get("samples_with_gc").asInt()).isEqualTo(1);
        assertThat(json.get("results").get(0).get("samples_with_compilation").asInt()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Measurement(plain.verification(), plain.samplesMs(), 10, null, List.of(),
                contexts.subList(0, 2), List.of())).hasMessageContaining("one per sample");
    }

    @Test
    void samplesThatSawStolenCpuTime_areCountedInTheReportAndPerRow_andWarnedOf() throws Exception {
        List<SampleContext> contexts = new java.util.ArrayList<>();
        for (int i = 0; i < FAST.size(); i++) {
            contexts.add(new SampleContext(0, 0, 0, i < 2 ? 620 + i * 10 : 0, true, 1_795_000_000_000L + 100L * i));
        }
        Measurement stolen = fastWith(contexts);
        Report report = new Report(Environment.current(), List.of(stolen), List.of());

        assertThat(stolen.samplesWithSteal()).isEqualTo(2);
        assertThat(stolen.stolenMs()).isEqualTo(1_250);
        assertThat(ReportFormat.text.render(report)).contains("0 saw JIT compilation, 2 saw CPU time stolen by the hypervisor (1,250 ms)");
        assertThat(ReportFormat.markdown.render(report)).contains("2 saw CPU time stolen by the hypervisor (1,250 ms)");
        var row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportFormat.json.render(report)).get("results").get(0);
        assertThat(row.get("samples_with_steal").asInt()).isEqualTo(2);
        assertThat(row.get("stolen_ms").asLong()).isEqualTo(1_250);
        assertThat(row.get("sample_stolen_ms")).extracting(com.fasterxml.jackson.databind.JsonNode::asLong)
                .containsExactly(620L, 630L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(row.get("sample_started_ms")).extracting(com.fasterxml.jackson.databind.JsonNode::asLong)
                .containsExactly(1_795_000_000_000L, 1_795_000_000_100L, 1_795_000_000_200L, 1_795_000_000_300L,
                        1_795_000_000_400L, 1_795_000_000_500L, 1_795_000_000_600L, 1_795_000_000_700L);
        assertThat(report.stealWarning()).contains("warning: the hypervisor took 1,250 ms of CPU time from this run's CPUs during 2 of 8 "
                + "samples (steal time): the machine is shared, timings may move between runs");
    }

    @Test
    void whereStolenTimeIsNotAccounted_theReportSaysSo_andClaimsNoneStolen() throws Exception {
        Report report = new Report(Environment.current(), List.of(fastWith(java.util.Collections.nCopies(FAST.size(),
                new SampleContext(0, 0, 0)))), List.of());

        assertThat(ReportFormat.text.render(report)).contains("stolen CPU time not recorded").doesNotContain("stolen by the hypervisor");
        var row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportFormat.json.render(report)).get("results").get(0);
        assertThat(row.get("samples_with_steal").isNull()).isTrue();
        assertThat(row.get("stolen_ms").isNull()).isTrue();
        assertThat(row.has("sample_stolen_ms")).isFalse();
        assertThat(row.has("sample_started_ms")).isFalse();
        assertThat(report.stealWarning()).isEmpty();
    }

    @Test
    void samplesThatSawNoStolenTime_countZero_withoutAWarning() {
        Report report = new Report(Environment.current(), List.of(fastWith(java.util.Collections.nCopies(FAST.size(),
                new SampleContext(0, 0, 0, 0, true, 0)))), List.of());

        assertThat(ReportFormat.text.render(report)).contains("0 saw CPU time stolen by the hypervisor (0 ms)");
        assertThat(report.stealWarning()).isEmpty();
    }

    /** forkjoin at 2 threads with the {@link #FAST} samples, each with its context. */
    private static Measurement fastWith(List<SampleContext> contexts) {
        Measurement plain = measured("forkjoin", 2, FAST);
        return new Measurement(plain.verification(), plain.samplesMs(), plain.baselineMedian(), null, List.of(), contexts, List.of());
    }
}

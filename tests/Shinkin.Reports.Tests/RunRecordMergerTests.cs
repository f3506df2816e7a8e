namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class RunRecordMergerTests
{
    [Test]
    public async Task Merging_two_shards_combines_scenarios_times_and_copies_artefacts()
    {
        var root = SyntheticRun.NewFolder("merge");
        try
        {
            var a = Path.Combine(root, "shard1");
            var b = Path.Combine(root, "shard2");
            await SyntheticRun.WriteSampleAsync(a, shard: "1/2", runId: "run-a");
            await SyntheticRun.WriteSampleAsync(b, shard: "2/2", runId: "run-b", offsetMinutes: 3);
            var output = Path.Combine(root, "merged");

            var merged = await RunRecordMerger.MergeAsync([a, b], output, new MergeOptions { RunId = "merged-run" });

            Assert.That(merged.Scenarios, Has.Count.EqualTo(12));
            Assert.That(merged.Info.Start, Is.EqualTo(SyntheticRun.Start));
            Assert.That(merged.Info.End, Is.EqualTo(SyntheticRun.Start.AddMinutes(8)));
            Assert.That(merged.Info.Shard, Is.EqualTo("1/2 + 2/2"));
            Assert.That(merged.Info.MergedFrom, Is.EqualTo(new[] { "1/2 (shard1)", "2/2 (shard2)" }));
            Assert.That(merged.Info.Engine, Is.EqualTo("playwright-chromium"));
            var shots = merged.Scenarios.SelectMany(s => s.Steps).Select(s => s.Screenshot!).ToList();
            Assert.That(shots, Has.All.StartsWith("artifacts/"), "artefacts are copied inside the merged folder");
            Assert.That(shots.All(s => File.Exists(Path.Combine(output, s))), Is.True);

            var written = await new ReportRenderer().RenderAsync(output, new ReportOptions(), null, CancellationToken.None);
            using var workbook = new XLWorkbook(written[0]);
            Assert.That(workbook.Worksheets, Has.Count.EqualTo(2 + 12), "no manual structure given: no 網羅性 sheet");
            Assert.That(workbook.Worksheet("サマリー").Cell(10, 2).GetString(), Does.Contain("shard1").And.Contain("shard2"));
            Assert.That(workbook.Worksheets.Skip(2).Sum(w => w.Pictures.Count), Is.EqualTo(shots.Count));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Referencing_artefacts_points_back_into_the_shard_folders()
    {
        var root = SyntheticRun.NewFolder("merge-ref");
        try
        {
            var a = Path.Combine(root, "a");
            await SyntheticRun.WriteSampleAsync(a);
            var output = Path.Combine(root, "merged");
            var merged = await RunRecordMerger.MergeAsync([a], output, new MergeOptions { Artifacts = ArtifactMode.Reference });
            var shot = merged.Scenarios[0].Steps[0].Screenshot!;
            Assert.That(shot, Does.StartWith("../a/artifacts/"));
            Assert.That(File.Exists(Path.Combine(output, shot)), Is.True);
            Assert.That(Directory.Exists(Path.Combine(output, "artifacts")), Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Merging_into_an_existing_run_folder_is_refused()
    {
        var root = SyntheticRun.NewFolder("merge-refuse");
        try
        {
            var a = Path.Combine(root, "a");
            await SyntheticRun.WriteSampleAsync(a);
            Assert.ThrowsAsync<IOException>(() => RunRecordMerger.MergeAsync([a], a));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

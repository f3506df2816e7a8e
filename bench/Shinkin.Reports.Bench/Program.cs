using System.Diagnostics;
using System.Globalization;
using Shinkin.Reports;
using Shinkin.Reports.Bench;
using Shinkin.Reports.RunRecords;

// Usage:
//   generate <run folder> [scenarios=300] [steps=10]   writes a synthetic run record with real PNGs
//   render   <run folder> [manual-structure.json] [--thumbnails]
//                                                    times RenderAsync and reports peak memory
// Run the two in separate processes so the peak of rendering is not mixed with generation.
if (args.Length < 2 || args[0] is not ("generate" or "render"))
{
    Console.Error.WriteLine("usage: generate <folder> [scenarios] [steps] | render <folder> [manual-structure.json]");
    return 2;
}

var folder = Path.GetFullPath(args[1]);
if (args[0] == "generate")
{
    var scenarios = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
    var steps = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
    var clock = Stopwatch.StartNew();
    await SyntheticRunWriter.WriteAsync(folder, scenarios, steps);
    var bytes = new DirectoryInfo(folder).EnumerateFiles("*.png", SearchOption.AllDirectories).Sum(f => f.Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"generated {scenarios}×{steps} screenshots ({bytes / 1048576.0:0.0} MiB of PNG, {bytes / 1024.0 / (scenarios * steps):0} KiB each) in {clock.Elapsed.TotalSeconds:0.0}s"));
    return 0;
}

var thumbnails = args.Contains("--thumbnails");
var rest = args.Skip(2).Where(a => a != "--thumbnails").ToList();
var options = new ReportOptions
{
    ManualStructurePath = rest.Count > 0 ? rest[0] : null,
    ScreenshotEmbedding = thumbnails ? ScreenshotEmbedding.Thumbnail : ScreenshotEmbedding.Original,
};
using var sampler = new MemorySampler();
var watch = Stopwatch.StartNew();
var progress = new Progress<string>(message => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{watch.Elapsed.TotalSeconds,6:0.0}s] {message}")));
var written = await new ReportRenderer().RenderAsync(folder, options, progress, CancellationToken.None);
watch.Stop();
var run = await RunRecordStore.LoadAsync(folder);
var xlsx = new FileInfo(written[0]).Length;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"""
    screenshot mode     {options.ScreenshotEmbedding}
    scenarios           {run.Scenarios.Count}
    screenshots         {run.Scenarios.Sum(s => s.Steps.Count(t => t.Screenshot is not null))}
    cores               {Environment.ProcessorCount}
    render time         {watch.Elapsed.TotalSeconds:0.0} s
    peak working set    {MemorySampler.PeakWorkingSetMiB():0} MiB (VmHWM)
    peak managed heap   {sampler.PeakManagedMiB:0} MiB (sampled every 100 ms)
    allocated in total  {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB
    workbook size       {xlsx / 1048576.0:0.0} MiB ({Path.GetFileName(written[0])})
    """));
return 0;

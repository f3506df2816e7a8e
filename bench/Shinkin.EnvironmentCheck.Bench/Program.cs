using System.Diagnostics;
using System.Globalization;
using System.Text;
using Shinkin.EnvironmentCheck.Registry;

// Times RegFileReader on .reg files whose one binary value is continued over N lines, as regedit
// writes a large REG_BINARY (UTF-16LE with BOM, 25 bytes a line, each line but the last ending in '\').
// Usage: Shinkin.EnvironmentCheck.Bench [--runs N] [--dir DIR] [LINES ...]   (default: 5 runs of 10000 50000 100000)
var runs = 5;
var dir = Path.Combine(Path.GetTempPath(), "shinkin-envcheck-bench");
var sizes = new List<int>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--dir":
            dir = args[++i];
            break;
        default:
            sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            break;
    }
}

if (sizes.Count == 0)
{
    sizes.AddRange([10_000, 50_000, 100_000]);
}

Directory.CreateDirectory(dir);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RegFileReader.ReadFilesAsync, {runs} runs each, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));
Console.WriteLine("| continued lines | file size | min | median | max |");
Console.WriteLine("|---:|---:|---:|---:|---:|");

// One small read first so JIT and the code-page provider are not charged to the first size.
await RegFileReader.ReadFilesAsync([Generate(dir, 10)], CancellationToken.None);

foreach (var lines in sizes)
{
    var path = Generate(dir, lines);
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await RegFileReader.ReadFilesAsync([path], CancellationToken.None);
        watch.Stop();
        var data = (byte[])snapshot.GetValue(RegistryHive.CurrentUser, @"Software\Bench", "Big")!.Data;
        if (data.Length != lines * 25)
        {
            throw new InvalidOperationException($"read {data.Length} bytes, expected {lines * 25}");
        }

        times.Add(watch.Elapsed.TotalSeconds);
    }

    times.Sort();
    var size = new FileInfo(path).Length / (1024.0 * 1024.0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {lines:N0} | {size:F1} MiB | {times[0]:F3} s | {times[times.Count / 2]:F3} s | {times[^1]:F3} s |"));
}

static string Generate(string dir, int lines)
{
    var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"continued-{lines}.reg"));
    if (File.Exists(path))
    {
        return path;
    }

    var text = new StringBuilder(lines * 84);
    text.Append("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Bench]\r\n\"Big\"=hex:");
    for (var line = 0; line < lines; line++)
    {
        text.Append(line == 0 ? string.Empty : "  ");
        for (var b = 0; b < 25; b++)
        {
            text.Append((((line * 25) + b) % 256).ToString("x2", CultureInfo.InvariantCulture));
            text.Append(b < 24 ? "," : line < lines - 1 ? ",\\\r\n" : "\r\n");
        }
    }

    text.Append("\"After\"=dword:00000001\r\n");
    File.WriteAllBytes(path, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.ToString())]);
    return path;
}

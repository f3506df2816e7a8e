using Shinkin.EnvironmentCheck.Checks;

namespace Shinkin.EnvironmentCheck.Command;

/// <summary>
/// The command line that <c>check-env</c> and <c>shinkin-check.exe</c> share, read one way for both:
/// <c>--name=value</c> is <c>--name value</c>, an option's value is the next argument; <c>--help</c>, <c>--os</c>,
/// <c>--profile</c> and the files are read here (<see cref="Shared"/>), each host reads its own options before.
/// Bad usage throws <see cref="ArgumentException"/> with a Japanese message.
/// </summary>
public sealed class ArgumentReader
{
    private readonly Queue<string> _queue;

    public ArgumentReader(IEnumerable<string> args, CheckProfile defaultProfile)
    {
        ArgumentNullException.ThrowIfNull(args);
        _queue = new Queue<string>(args.SelectMany(SplitEquals));
        Profile = defaultProfile;
    }

    public List<string> Files { get; } = [];

    public bool Help { get; private set; }

    public string? Os { get; private set; }

    public CheckProfile Profile { get; private set; }

    /// <summary>The next argument, or null at the end.</summary>
    public string? Next() => _queue.Count > 0 ? _queue.Dequeue() : null;

    /// <summary>The value that must follow <paramref name="option"/>.</summary>
    public string Value(string option) =>
        _queue.Count > 0 ? _queue.Dequeue() : throw new ArgumentException($"{option} の後に値を指定してください");

    /// <summary>The profile name that must follow <paramref name="option"/>.</summary>
    public CheckProfile ProfileValue(string option)
    {
        var text = Value(option);
        return VerdictNames.TryParseProfile(text, out var profile)
            ? profile
            : throw new ArgumentException($"{option} には manual または secure を指定してください (指定値: {text})");
    }

    /// <summary>An argument the host's own options did not claim: a shared option, a file, or an unknown option.</summary>
    public void Shared(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        switch (arg)
        {
            case "-h" or "--help" or "/?":
                Help = true;
                break;
            case "--os":
                Os = Value(arg);
                break;
            case "--profile":
                Profile = ProfileValue(arg);
                break;
            default:
                Files.Add(arg.StartsWith('-') ? throw new ArgumentException($"不明なオプションです: {arg}") : arg);
                break;
        }
    }

    private static IEnumerable<string> SplitEquals(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? [arg[..equals], arg[(equals + 1)..]] : [arg];
    }
}

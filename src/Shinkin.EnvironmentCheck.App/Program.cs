using System.Text;
using Shinkin.EnvironmentCheck.App;

// A Windows console starts in the OEM code page (437 outside Japan); UTF-8 shows the Japanese verdicts on any of them.
if (OperatingSystem.IsWindows())
{
    Console.OutputEncoding = Encoding.UTF8;
}

return await CheckerApp.RunAsync(args, CheckerHost.ForThisProcess(), CancellationToken.None);

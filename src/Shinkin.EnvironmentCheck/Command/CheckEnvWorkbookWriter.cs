using Shinkin.EnvironmentCheck.Checks;

namespace Shinkin.EnvironmentCheck.Command;

/// <summary>
/// Writes the <c>--xlsx</c> workbook. The host passes it in (the CLI uses the Reports project's writer)
/// so the environment check needs no spreadsheet package and shares the reports' look.
/// </summary>
public delegate Task CheckEnvWorkbookWriter(CheckReport report, CheckProfile selected, string path, CancellationToken cancellationToken);

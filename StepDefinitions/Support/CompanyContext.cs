using Shinkin.ReferenceServer;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The scenario's own company: its notice and the users and passwords created along the way.</summary>
public sealed class CompanyContext
{
    public CompanyNotice? Notice { get; set; }

    public CompanyNotice RequiredNotice => Notice ?? throw new InvalidOperationException("no company was registered in this scenario (missing 前提 step)");
}

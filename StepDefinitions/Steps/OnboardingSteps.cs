using Reqnroll;
using Shinkin.ReferenceServer;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>What the bank (当金庫) does before the customer's first step: register the company and hand over the notice.</summary>
[Binding]
public sealed class OnboardingSteps
{
    private readonly RunEnvironment run;
    private readonly CompanyContext company;

    public OnboardingSteps(RunEnvironment run, CompanyContext company)
    {
        this.run = run;
        this.company = company;
    }

    [Given("当金庫が契約先企業とマスターユーザを登録し通知書面を発行している")]
    public async Task GivenTheBankRegisteredTheCompany()
    {
        var system = await run.SystemAsync();
        using var backOffice = new BackOfficeClient(system, run.BrowserOptions.TrustedCaPemPath);
        company.Notice = await backOffice.OnboardCompanyAsync(new OnboardRequest { CompanyName = "参照商事株式会社" });
    }
}

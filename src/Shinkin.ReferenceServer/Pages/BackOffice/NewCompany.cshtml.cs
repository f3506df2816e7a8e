using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.BackOffice;

public sealed class NewCompanyModel(CompanyOnboarding onboarding) : BackOfficePageModel
{
    public sealed class AccountRow
    {
        public string? Kind { get; set; }

        public string? BranchName { get; set; }

        public string? BranchCode { get; set; }

        public string? AccountNumber { get; set; }
    }

    [BindProperty]
    public string? CompanyName { get; set; }

    [BindProperty]
    public string? MasterUserName { get; set; }

    [BindProperty]
    public List<AccountRow> Accounts { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public CompanyNotice? Notice { get; private set; }

    public void OnGet()
    {
        Accounts =
        [
            new AccountRow { Kind = "当座", BranchName = "本店", BranchCode = "001" },
            new AccountRow { Kind = "普通", BranchName = "本店", BranchCode = "001" },
            new AccountRow(),
        ];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        while (Accounts.Count < 3)
        {
            Accounts.Add(new AccountRow());
        }

        if (string.IsNullOrWhiteSpace(CompanyName))
        {
            Errors["CompanyName"] = InputRules.Required("契約先名");
        }
        else if (CompanyName.Length > 100)
        {
            Errors["CompanyName"] = "契約先名は100文字以内で入力してください。";
        }

        if (MasterUserName is { Length: > 40 })
        {
            Errors["MasterUserName"] = "マスターユーザ名は40文字以内で入力してください。";
        }

        var specs = new List<AccountSpec>();
        foreach (var row in Accounts.Where(a => !string.IsNullOrEmpty(a.Kind)))
        {
            var branchCode = row.BranchCode ?? "";
            var number = row.AccountNumber ?? "";
            if (row.Kind is not ("当座" or "普通") || string.IsNullOrWhiteSpace(row.BranchName)
                || branchCode.Length != 3 || !branchCode.All(char.IsAsciiDigit)
                || number.Length != 7 || !number.All(char.IsAsciiDigit))
            {
                Errors["Accounts"] = "口座は、科目・支店名・支店番号（半角数字3桁）・口座番号（半角数字7桁）を入力してください。";
                break;
            }

            specs.Add(new AccountSpec { Kind = row.Kind, BranchName = row.BranchName.Trim(), BranchCode = branchCode, AccountNumber = number });
        }

        if (specs.Count == 0 && !Errors.ContainsKey("Accounts"))
        {
            Errors["Accounts"] = "口座を1つ以上入力してください。";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            Notice = await onboarding.OnboardAsync(
                new OnboardRequest { CompanyName = CompanyName, MasterUserName = MasterUserName, Accounts = specs },
                "staff:" + Staff.StaffId,
                HttpContext.RequestAborted);
        }
        catch (OnboardingException e)
        {
            Errors["Accounts"] = e.Message;
        }

        return Page();
    }
}

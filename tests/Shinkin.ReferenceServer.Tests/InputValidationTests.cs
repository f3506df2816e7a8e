using System.Net;
using System.Text.Json;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Names counted as people count characters, with no control or bidi characters; the test-data API checks every field.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class InputValidationTests : ServerFixture
{
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

    [TestCase("経理\u202E部長", TestName = "A user name with a right-to-left override is refused")]
    [TestCase("経理\u2066部長\u2069", TestName = "A user name with a bidi isolate is refused")]
    [TestCase("経理\u0007部長", TestName = "A user name with a control character is refused")]
    public async Task Names_with_control_or_bidi_characters_are_refused(string userName)
    {
        var (status, field, detail) = await CreateUserAsync(new { userName, rights = "none" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(field, Is.EqualTo("userName"));
        Assert.That(detail, Does.Contain("使用できない文字"));
    }

    [Test]
    public async Task User_names_count_text_elements_under_a_code_unit_cap()
    {
        var (ten, _, _) = await CreateUserAsync(new { userName = string.Concat(Enumerable.Repeat(Family, 10)), rights = "none" });
        Assert.That(ten, Is.EqualTo(HttpStatusCode.OK), "ten family emoji are ten characters (110 UTF-16 units)");
        var (forty, field, detail) = await CreateUserAsync(new { userName = string.Concat(Enumerable.Repeat(Family, 40)), rights = "none" });
        Assert.That(forty, Is.EqualTo(HttpStatusCode.BadRequest), "forty of them are 440 UTF-16 units: over the cap");
        Assert.That(field, Is.EqualTo("userName"));
        Assert.That(detail, Does.Contain("40文字以内"));
        var (stacked, _, _) = await CreateUserAsync(new { userName = "a" + new string('\u0301', 500), rights = "none" });
        Assert.That(stacked, Is.EqualTo(HttpStatusCode.BadRequest), "one text element of 501 code units");
    }

    [Test]
    public async Task The_api_caps_company_names_and_checks_account_fields()
    {
        var (longName, field, _) = await OnboardAsync(new { masterState = "initial", companyName = new string('商', 101) });
        Assert.That((longName, field), Is.EqualTo((HttpStatusCode.BadRequest, "companyName")));
        var (bidiName, bidiField, _) = await OnboardAsync(new { masterState = "initial", companyName = "テスト\u202E商事" });
        Assert.That((bidiName, bidiField), Is.EqualTo((HttpStatusCode.BadRequest, "companyName")));
        var (number, numberField, numberDetail) = await OnboardAsync(new
        {
            masterState = "initial",
            accounts = new[] { new { kind = "当座", branchName = "本店", branchCode = "001", accountNumber = "12ab" } },
        });
        Assert.That((number, numberField), Is.EqualTo((HttpStatusCode.BadRequest, "accounts[0].accountNumber")));
        Assert.That(numberDetail, Does.Contain("口座番号"));
        var (branch, branchField, _) = await OnboardAsync(new
        {
            masterState = "initial",
            accounts = new[] { new { kind = "普通", branchName = new string('支', 31), branchCode = "001", accountNumber = "1234567" } },
        });
        Assert.That((branch, branchField), Is.EqualTo((HttpStatusCode.BadRequest, "accounts[0].branchName")));
        var (code, codeField, _) = await OnboardAsync(new
        {
            masterState = "initial",
            accounts = new[] { new { kind = "普通", branchName = "本店", branchCode = "1", accountNumber = "1234567" } },
        });
        Assert.That((code, codeField), Is.EqualTo((HttpStatusCode.BadRequest, "accounts[0].branchCode")));
        var (fine, _, _) = await OnboardAsync(new { masterState = "initial", companyName = new string('商', 100) });
        Assert.That(fine, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<(HttpStatusCode Status, string? Field, string? Detail)> CreateUserAsync(object body)
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        return await PostAsync($"/backoffice/api/companies/{notice.CompanyNumber}/users", body);
    }

    private Task<(HttpStatusCode Status, string? Field, string? Detail)> OnboardAsync(object body) => PostAsync("/backoffice/api/companies", body);

    private async Task<(HttpStatusCode Status, string? Field, string? Detail)> PostAsync(string path, object body)
    {
        using var response = await Flows.PostApiAsync(Server, path, body, Server.BackOfficeApiKey);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (response.StatusCode, null, null);
        }

        Assert.That(response.Content.Headers.ContentType?.MediaType, Does.EndWith("json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var field = json.RootElement.TryGetProperty("field", out var f) ? f.GetString() : null;
        var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return (response.StatusCode, field, detail);
    }
}

using System.Globalization;
using System.Security.Cryptography;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The passwords and names the scenarios choose themselves. They satisfy the manual's rules
/// (半角英字と半角数字を含む 6 文字以上) so a failure points at the system, not at the data.
/// </summary>
public static class TestData
{
    public const string LoginIdPrefix = "d-";

    public const string MasterNewLoginPassword = "Master2468a";

    public const string MasterApprovalPassword = "Shonin2468m";

    public const string GeneralNewLoginPassword = "Ippan2468a";

    public const string GeneralInitialApprovalPassword = "Shokai2468g";

    public const string GeneralApprovalPassword = "Shonin2468g";

    public const string GeneralInitialPassword = "Syokai2468";

    /// <summary>A password nobody was given.</summary>
    public const string WrongPassword = "Wrong2468x";

    /// <summary>The basic data of a new general user the master registers (3-1 step 5), with a fresh login ID.</summary>
    public static Shinkin.PageObjects.Pages.NewUserInput NewGeneralUser(char lead = 'g')
    {
        var body = NewLoginIdBody(lead);
        var email = body + "@example.com";
        return new(body, "電債　一郎", email, email, GeneralInitialPassword, GeneralInitialPassword);
    }

    /// <summary>
    /// A login ID body unique across the run (login IDs are unique across companies): a letter and
    /// eight digits, so it holds both letters and digits as the password rules do.
    /// </summary>
    public static string NewLoginIdBody(char lead = 'g') =>
        lead + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
}

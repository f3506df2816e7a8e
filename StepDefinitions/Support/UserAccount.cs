using Shinkin.PageObjects.Pages;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// One user of the scenario's company as the people who hold its papers know it: login ID, the
/// passwords valid right now, and the certificate the browser holds for it.
/// </summary>
public sealed class UserAccount
{
    public UserAccount(string loginId, bool isMaster, string initialPassword)
    {
        LoginId = loginId;
        IsMaster = isMaster;
        InitialPassword = initialPassword;
        LoginPassword = initialPassword;
    }

    public string LoginId { get; }

    public bool IsMaster { get; }

    /// <summary>通知書面 / 初回ログインパスワード: valid for the first login only.</summary>
    public string InitialPassword { get; }

    /// <summary>The login password valid now (the initial one until it is changed).</summary>
    public string LoginPassword { get; set; }

    /// <summary>初期承認パスワード the master set for a general user with a 承認者 right.</summary>
    public string? InitialApprovalPassword { get; set; }

    /// <summary>The approval password valid now.</summary>
    public string? ApprovalPassword { get; set; }

    public string? UserName { get; set; }

    /// <summary>The PKCS#12 the browser holds for this user (saved at 電子証明書取得).</summary>
    public AcquiredCertificate? Certificate { get; set; }

    /// <summary>The login ID as typed after the prefilled "d-".</summary>
    public string LoginIdWithoutPrefix => LoginId.StartsWith(TestData.LoginIdPrefix, StringComparison.Ordinal) ? LoginId[TestData.LoginIdPrefix.Length..] : LoginId;

    public override string ToString() => LoginId;
}

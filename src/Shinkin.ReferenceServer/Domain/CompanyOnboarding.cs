using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>A request the back office refuses, with a Japanese reason (HTTP 400 from the test-data API, 409 for a clash).</summary>
public sealed class OnboardingException(string message, int statusCode = 400, string? field = null) : Exception(message)
{
    public const string LoginIdTaken = "このログインIDは既に使用されています。";

    public int StatusCode { get; } = statusCode;

    /// <summary>The request's JSON field the reason is about (e.g. "companyName", "accounts[0].accountNumber").</summary>
    public string? Field { get; } = field;
}

/// <summary>Registers contracted companies and their users (back office screens and test-data API).</summary>
public sealed class CompanyOnboarding(
    ShinkinDbContext db,
    PasswordHasher hasher,
    InputRules rules,
    CertificateIssuer issuer,
    AuditTrail audit,
    TimeProvider time)
{
    private const int FirstCompanyNumber = 10000001;

    public async Task<CompanyNotice> OnboardAsync(OnboardRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stage = request.MasterState switch
        {
            "initial" => MasterStage.Initial,
            "certificate" => MasterStage.Certificate,
            "password-changed" => MasterStage.PasswordChanged,
            "approval-set" => MasterStage.ApprovalSet,
            "ready" => MasterStage.Ready,
            _ => throw new OnboardingException("masterState は \"initial\"・\"certificate\"・\"password-changed\"・\"approval-set\"・\"ready\" のいずれかを指定してください。"),
        };
        if (!string.IsNullOrWhiteSpace(request.CompanyName))
        {
            Ensure(rules.CheckCompanyName(request.CompanyName.Trim()), "companyName");
        }

        if (!string.IsNullOrWhiteSpace(request.MasterUserName))
        {
            Ensure(rules.CheckUserName(request.MasterUserName.Trim(), "マスターユーザ名"), "masterUserName");
        }

        var accounts = request.Accounts is { Count: > 0 } ? request.Accounts : null;
        for (var i = 0; i < (accounts?.Count ?? 0); i++)
        {
            var account = accounts![i];
            if (account is null)
            {
                throw new OnboardingException("口座を指定してください。", field: $"accounts[{i}]");
            }

            if (account.Kind is not ("当座" or "普通"))
            {
                throw new OnboardingException("口座種別は「当座」または「普通」を指定してください。", field: $"accounts[{i}].kind");
            }

            Ensure(InputRules.CheckDisplayText(account.BranchName, "支店名", 30, 120), $"accounts[{i}].branchName");
            if (account.BranchCode is not { Length: 3 } || !account.BranchCode.All(char.IsAsciiDigit))
            {
                throw new OnboardingException("支店番号は半角数字3桁で指定してください。", field: $"accounts[{i}].branchCode");
            }

            if (account.AccountNumber is not { Length: 7 } || !account.AccountNumber.All(char.IsAsciiDigit))
            {
                throw new OnboardingException("口座番号は半角数字7桁で指定してください。", field: $"accounts[{i}].accountNumber");
            }
        }

        // Unique numbers come from the database under its single writer; a rare clash is retried.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await OnboardOnceAsync(request, stage, accounts, actor, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<CreatedUser> CreateUserAsync(string companyNumber, CreateUserRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = await db.Companies.Include(c => c.Accounts).SingleOrDefaultAsync(c => c.CompanyNumber == companyNumber, cancellationToken)
                      ?? throw new OnboardingException("利用者番号が見つかりません。");
        var prefix = rules.Users.LoginIdPrefix;
        var body = request.LoginId is { Length: > 0 } id
            ? (id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id)
            : "u" + SecretTokens.NewPassword(8).ToLowerInvariant();
        Ensure(rules.CheckLoginIdBody(body), "loginId");
        var loginId = prefix + body;
        var initialPassword = request.InitialPassword ?? SecretTokens.NewPassword(10);
        Ensure(rules.CheckInitialPassword(initialPassword, "初回ログインパスワード"), "initialPassword");
        var userName = request.UserName ?? $"一般ユーザ {body}";
        Ensure(rules.CheckUserName(userName), "userName");
        var email = request.Email ?? $"{body}@example.com";
        Ensure(rules.CheckEmail(email), "email");

        var accountIds = company.Accounts.Select(a => a.Id).ToList();
        var all = PermissionSet.All(accountIds);
        var permissions = request.Rights switch
        {
            "none" => PermissionSet.Empty,
            "clerk" => all with { Approver = [] },
            "approver" => all with { Clerk = [] },
            "all" => all,
            _ => throw new OnboardingException("rights は none / clerk / approver / all を指定してください。"),
        };
        var registered = request.Registration switch
        {
            "updated" => false,
            "registered" => true,
            _ => throw new OnboardingException("registration は updated / registered を指定してください。", field: "registration"),
        };
        if (registered && (request.Rights != "none" || request.Certificate != "none" || request.LoginPassword is not null))
        {
            throw new OnboardingException("ユーザ更新前の一般ユーザには権限・電子証明書・変更後のログインパスワードを指定できません。", field: "registration");
        }

        // PBKDF2 is slow on purpose: the hashes are made before the writer lock, so parallel requests do not queue behind them.
        string? approvalHash = null;
        if (permissions.HasAnyApprover)
        {
            Ensure(rules.CheckNewPassword(request.InitialApprovalPassword, "初期承認パスワード", loginId), "initialApprovalPassword");
            if (request.ApprovalPassword is { } approval)
            {
                Ensure(rules.CheckNewPassword(approval, "承認パスワード", loginId), "approvalPassword");
            }

            approvalHash = hasher.Hash(request.ApprovalPassword ?? request.InitialApprovalPassword!);
        }
        else if (request.ApprovalPassword is not null)
        {
            throw new OnboardingException("承認パスワードは承認者の権限を持つ一般ユーザにだけ指定できます。", field: "approvalPassword");
        }

        if (request.LoginPassword is { } changed)
        {
            Ensure(rules.CheckNewPassword(changed, "ログインパスワード", loginId), "loginPassword");
        }

        var loginPasswordHash = hasher.Hash(request.LoginPassword ?? initialPassword);

        // All or nothing: the user, its certificate and its audit row commit together, and the writer lock
        // (SQLite BEGIN IMMEDIATE) taken before the check makes a parallel creation of the same ID wait and see it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.LoginId == loginId, cancellationToken))
        {
            throw new OnboardingException(OnboardingException.LoginIdTaken, StatusCodes.Status409Conflict);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new CustomerUser
        {
            CompanyId = company.Id,
            Company = company,
            LoginId = loginId,
            UserName = userName,
            Email = email,
            IsMaster = false,
            Status = registered ? UserStatus.Pending : UserStatus.Active,
            LoginPasswordHash = loginPasswordHash,
            LoginPasswordIsInitial = request.LoginPassword is null,
            ApprovalPasswordHash = approvalHash,
            ApprovalPasswordIsInitial = approvalHash is not null && request.ApprovalPassword is null,
            ApprovalPasswordChangedAt = approvalHash is null ? null : now,
            PermissionsJson = permissions.ToJson(),
            CertificateAcquisitionAllowed = request.Certificate is "issued" or "pfx",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);

        IssuedPkcs12? pkcs12 = null;
        if (request.Certificate == "pfx")
        {
            pkcs12 = await issuer.IssueAsync(user, cancellationToken);
        }

        audit.Add(actor, "user.create-direct", loginId, $"rights={request.Rights} certificate={request.Certificate} registration={request.Registration} passwords={(request.LoginPassword is null ? "initial" : "changed")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedUser
        {
            LoginId = loginId,
            InitialPassword = initialPassword,
            InitialApprovalPassword = approvalHash is null ? null : request.InitialApprovalPassword,
            CertificatePfxBase64 = pkcs12 is null ? null : Convert.ToBase64String(pkcs12.Pfx),
            CertificatePassword = pkcs12?.Password,
        };
    }

    private async Task<CompanyNotice> OnboardOnceAsync(OnboardRequest request, MasterStage stage, IReadOnlyList<AccountSpec>? accounts, string actor, CancellationToken cancellationToken)
    {
        // PBKDF2 is slow on purpose: the hashes are made before the writer lock, so parallel requests do not queue behind them.
        var passwordChanged = stage >= MasterStage.PasswordChanged;
        var approvalSet = stage >= MasterStage.ApprovalSet;
        var initialPassword = SecretTokens.NewPassword(10);
        var loginPasswordHash = hasher.Hash(passwordChanged ? request.MasterLoginPassword ?? "" : initialPassword);
        var approvalHash = approvalSet ? hasher.Hash(request.MasterApprovalPassword ?? "") : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var numbers = await db.Companies.Select(c => c.CompanyNumber).ToListAsync(cancellationToken);
        var next = numbers.Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
            .DefaultIfEmpty(FirstCompanyNumber - 1).Max() + 1;
        var companyNumber = next.ToString(CultureInfo.InvariantCulture);
        var loginId = $"{rules.Users.LoginIdPrefix}m{companyNumber}";
        var now = time.GetUtcNow().UtcDateTime;

        // The rules need the login ID (a password must not contain it), which the company number inside the lock decides.
        if (passwordChanged)
        {
            Ensure(rules.CheckNewPassword(request.MasterLoginPassword, "masterLoginPassword", loginId), "masterLoginPassword");
        }

        if (approvalSet)
        {
            Ensure(rules.CheckNewPassword(request.MasterApprovalPassword, "masterApprovalPassword", loginId), "masterApprovalPassword");
        }

        var company = new Company
        {
            CompanyNumber = companyNumber,
            Name = string.IsNullOrWhiteSpace(request.CompanyName) ? $"テスト商事{companyNumber}" : request.CompanyName.Trim(),
            CreatedAt = now,
        };
        var suffix = companyNumber[^6..];
        foreach (var spec in accounts ?? [new AccountSpec { Kind = "当座", AccountNumber = "1" + suffix }, new AccountSpec { Kind = "普通", AccountNumber = "2" + suffix }])
        {
            company.Accounts.Add(new BankAccount { Kind = spec.Kind, BranchName = spec.BranchName, BranchCode = spec.BranchCode, AccountNumber = spec.AccountNumber });
        }

        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);

        var master = new CustomerUser
        {
            CompanyId = company.Id,
            Company = company,
            LoginId = loginId,
            UserName = string.IsNullOrWhiteSpace(request.MasterUserName) ? "マスターユーザ" : request.MasterUserName.Trim(),
            IsMaster = true,
            Status = UserStatus.Active,
            LoginPasswordHash = loginPasswordHash,
            LoginPasswordIsInitial = !passwordChanged,
            ApprovalPasswordHash = approvalHash,
            ApprovalPasswordChangedAt = approvalSet ? now : null,
            PermissionsJson = stage == MasterStage.Ready ? PermissionSet.All(company.Accounts.Select(a => a.Id)).ToJson() : PermissionSet.Empty.ToJson(),
            CertificateAcquisitionAllowed = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(master);
        await db.SaveChangesAsync(cancellationToken);

        IssuedPkcs12? pkcs12 = null;
        if (stage >= MasterStage.Certificate)
        {
            pkcs12 = await issuer.IssueAsync(master, cancellationToken);
        }

        audit.Add(actor, "company.onboard", companyNumber, $"master={loginId} state={request.MasterState}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new CompanyNotice
        {
            CompanyNumber = companyNumber,
            CompanyName = company.Name,
            MasterLoginId = loginId,
            InitialPassword = initialPassword,
            Accounts = company.Accounts.Select(a => new AccountInfo(a.Id, a.Kind, a.BranchName, a.BranchCode, a.AccountNumber)).ToList(),
            MasterCertificatePfxBase64 = pkcs12 is null ? null : Convert.ToBase64String(pkcs12.Pfx),
            MasterCertificatePassword = pkcs12?.Password,
        };
    }

    private static void Ensure(string? error, string field)
    {
        if (error is not null)
        {
            throw new OnboardingException(error, field: field);
        }
    }

    /// <summary>How far the master got through manual chapter 2 (OnboardRequest.MasterState), in order.</summary>
    private enum MasterStage
    {
        Initial,
        Certificate,
        PasswordChanged,
        ApprovalSet,
        Ready,
    }
}

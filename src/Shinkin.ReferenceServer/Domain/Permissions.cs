using System.Text.Json;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>A business (業務) a user may be granted; <see cref="Tab"/> is the top-screen tab it opens.</summary>
public sealed record Business(string Code, string Name, string Tab);

public sealed record BusinessTab(string Code, string Name);

/// <summary>The businesses of the 権限リスト (manual chapter 2, step 6 ① and ②).</summary>
public static class PermissionCatalog
{
    /// <summary>① 承認不要業務: no distinction of 担当者 and 承認者, granted as 利用.</summary>
    public static IReadOnlyList<Business> NoApprovalBusinesses { get; } =
    [
        new("inquiry", "債権情報照会（開示）", "inquiry"),
        new("notice", "通知情報照会", "inquiry"),
        new("history", "取引履歴照会", "inquiry"),
    ];

    /// <summary>② 承認対象業務: 担当者 registers (仮登録), 承認者 approves; both may be granted.</summary>
    public static IReadOnlyList<Business> ApprovalBusinesses { get; } =
    [
        new("issue-debtor", "発生記録（債務者請求）", "issue"),
        new("issue-creditor", "発生記録（債権者請求）", "issue"),
        new("transfer", "譲渡記録", "transfer"),
        new("batch", "一括記録", "batch"),
        new("financing", "融資申込", "financing"),
        new("other", "その他請求", "other"),
    ];

    public static IReadOnlyList<BusinessTab> Tabs { get; } =
    [
        new("inquiry", "債権情報照会"),
        new("issue", "債権発生請求"),
        new("transfer", "債権譲渡請求"),
        new("batch", "債権一括請求"),
        new("financing", "融資申込"),
        new("other", "その他請求"),
    ];

    public static IEnumerable<Business> All => NoApprovalBusinesses.Concat(ApprovalBusinesses);

    public static Business? Find(string code) => All.FirstOrDefault(b => b.Code == code);
}

/// <summary>Rights of one user: ① 利用, ② 担当者 / 承認者, ③ 口座 (account IDs).</summary>
public sealed record PermissionSet
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> Use { get; init; } = [];

    public IReadOnlyList<string> Clerk { get; init; } = [];

    public IReadOnlyList<string> Approver { get; init; } = [];

    public IReadOnlyList<int> Accounts { get; init; } = [];

    public static PermissionSet Empty { get; } = new();

    public bool HasAnyApprover => Approver.Count > 0;

    public bool IsEmpty => Use.Count == 0 && Clerk.Count == 0 && Approver.Count == 0 && Accounts.Count == 0;

    public static PermissionSet All(IEnumerable<int> accountIds) => new()
    {
        Use = PermissionCatalog.NoApprovalBusinesses.Select(b => b.Code).ToList(),
        Clerk = PermissionCatalog.ApprovalBusinesses.Select(b => b.Code).ToList(),
        Approver = PermissionCatalog.ApprovalBusinesses.Select(b => b.Code).ToList(),
        Accounts = accountIds.ToList(),
    };

    public static PermissionSet FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        return JsonSerializer.Deserialize<PermissionSet>(json, JsonOptions) ?? Empty;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A tab is shown when any business behind it is granted in any role.</summary>
    public bool GrantsTab(string tab) =>
        PermissionCatalog.All.Where(b => b.Tab == tab).Any(b => Use.Contains(b.Code) || Clerk.Contains(b.Code) || Approver.Contains(b.Code));

    public bool Grants(string businessCode) =>
        Use.Contains(businessCode) || Clerk.Contains(businessCode) || Approver.Contains(businessCode);

    public string Describe() =>
        $"利用[{string.Join(',', Use)}] 担当者[{string.Join(',', Clerk)}] 承認者[{string.Join(',', Approver)}] 口座[{string.Join(',', Accounts)}]";
}

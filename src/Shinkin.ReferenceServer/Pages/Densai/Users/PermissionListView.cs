using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

public sealed record PermissionListView(PermissionSet Rights, IReadOnlyList<BankAccount> Accounts);

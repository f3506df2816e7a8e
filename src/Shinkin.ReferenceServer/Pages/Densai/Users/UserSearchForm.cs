namespace Shinkin.ReferenceServer.Pages.Densai.Users;

public sealed record UserSearchForm(string Prefix, string Action, string? LoginId, string? UserName, bool ShowSearchButton = true);

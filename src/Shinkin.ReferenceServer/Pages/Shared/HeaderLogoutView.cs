namespace Shinkin.ReferenceServer.Pages.Shared;

/// <summary>
/// A window's [ログアウト] at the top right: the button, its confirmation dialog (［OK］/［キャンセル］) and the form
/// the OK submits. Test ids: <c>{Prefix}-logout</c>, <c>-logout-dialog</c>, <c>-logout-dialog-text</c>, <c>-logout-ok</c>, <c>-logout-cancel</c>.
/// </summary>
public sealed record HeaderLogoutView(string Prefix, string Action, string Question);

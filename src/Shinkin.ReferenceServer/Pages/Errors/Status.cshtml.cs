using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>A form came back without any cookie: the browser blocks them (see <see cref="CookieCheck"/>).</summary>
    public bool CookiesMissing { get; private set; }

    /// <summary>The screen the refused form was on, to try again once cookies are allowed.</summary>
    public string BackPath { get; private set; } = "/";

    public string ScreenId => CookiesMissing ? "cookie-required" : "status-" + Code;

    public string Title => CookiesMissing ? "Cookie（クッキー）の設定" : Code switch
    {
        400 => "不正な要求",
        403 => "アクセスできません",
        404 => "ページが見つかりません",
        _ => "エラー",
    };

    public string Message => Code switch
    {
        400 => "不正な操作が行われました。画面を表示しなおしてから、もう一度操作してください。",
        403 => "このページにはアクセスできません。",
        404 => "お探しのページは見つかりませんでした。",
        _ => "エラーが発生しました。",
    };

    public void OnGet(int code) => Load(code);

    public void OnPost(int code) => Load(code);

    private void Load(int code)
    {
        Code = code;
        CookiesMissing = code == StatusCodes.Status400BadRequest && CookieCheck.IsMissing(HttpContext);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original && IsLocal(original.OriginalPath))
        {
            BackPath = original.OriginalPathBase + original.OriginalPath;
        }
    }

    // "//host" and "/\host" would leave the site.
    private static bool IsLocal(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);
}

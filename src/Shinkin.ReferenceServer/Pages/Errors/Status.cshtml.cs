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
        429 => "しばらくお待ちください",
        _ => "エラー",
    };

    public string Message => Code switch
    {
        400 => "不正な操作が行われました。画面を表示しなおしてから、もう一度操作してください。",
        403 => "このページにはアクセスできません。",
        404 => "お探しのページは見つかりませんでした。",
        429 => $"短時間にパスワードの入力が繰り返されたため、受付を一時的に停止しています。{RetryAfterText}もう一度操作してください。",
        _ => "エラーが発生しました。",
    };

    /// <summary>429 only: the way back to the screen whose form was refused, to try again after the wait.</summary>
    public bool OffersBack => Code == StatusCodes.Status429TooManyRequests;

    // The rate limiter set Retry-After on this very response before the status page was rendered.
    private string RetryAfterText => int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds > 0
        ? $"{seconds}秒ほど待ってから、"
        : "しばらく待ってから、";

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

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shinkin.ReferenceServer.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
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

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}

namespace Shinkin.Speed.Bench;

/// <summary>
/// What the chains of <see cref="Chains"/> do to the reference server, by its test ids: a real browser driven straight
/// through Microsoft.Playwright (<see cref="PlaywrightDriver"/>) or bare HTTP requests (<see cref="HttpDriver"/>).
/// A method per kind of click, as a hand-written script knows which link opens or closes a window.
/// </summary>
internal interface IChainDriver : IAsyncDisposable
{
    Task OpenAsync(Uri url);

    Task ClickAsync(string testId);

    /// <summary>A link with target="_blank": carries on in the window it opens.</summary>
    Task ClickOpeningWindowAsync(string testId);

    /// <summary>A button whose script closes its window: carries on in the window below.</summary>
    Task ClickClosingWindowAsync(string testId);

    /// <summary>The user closes the current window.</summary>
    Task CloseWindowAsync();

    Task FillAsync(string testId, string value);

    /// <summary>Checks a radio button or checkbox.</summary>
    Task CheckAsync(string testId);

    /// <summary>Checks every checkbox inside the element (a form or table).</summary>
    Task CheckAllInAsync(string testId);

    Task<string> TextAsync(string testId);

    /// <summary>Fails unless the element is shown.</summary>
    Task ExpectAsync(string testId);

    /// <summary>How many elements' test ids start with <paramref name="prefix"/>.</summary>
    Task<int> CountAsync(string prefix);

    Task<byte[]> DownloadAsync(string testId);

    /// <summary>From now on the browser presents this client certificate (PKCS#12) for 電子証明書ログイン.</summary>
    Task UseCertificateAsync(byte[] pfx, string password);
}

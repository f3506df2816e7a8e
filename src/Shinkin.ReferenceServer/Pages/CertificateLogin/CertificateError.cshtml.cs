using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.CertificateLogin;

/// <summary>One Japanese screen per certificate problem (the reason code is not secret).</summary>
public sealed class CertificateErrorModel : CertificateOriginPageModel
{
    public string Reason { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(string? reason)
    {
        var problem = Enum.TryParse<CertificateProblem>(reason, out var parsed) && parsed != CertificateProblem.None ? parsed : CertificateProblem.Missing;
        Reason = problem.ToString();
        Message = new CertificateCheck(problem, null, null, null).Message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}

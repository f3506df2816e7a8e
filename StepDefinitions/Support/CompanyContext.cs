using Shinkin.PageObjects.Pages;
using Shinkin.ReferenceServer;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The scenario's own company: its notice, its users with what they know, and who is at the keyboard.</summary>
public sealed class CompanyContext
{
    private readonly List<UserAccount> generalUsers = [];
    private UserAccount? actor;

    public CompanyNotice? Notice { get; set; }

    public CompanyNotice RequiredNotice => Notice ?? throw new InvalidOperationException("no company was registered in this scenario (missing 前提 step)");

    public UserAccount? Master { get; private set; }

    /// <summary>The basic data the master last entered on ユーザ新規登録 (3-1 step 5).</summary>
    public NewUserInput? EnteredUser { get; set; }

    public UserAccount RequiredMaster => Master ?? throw new InvalidOperationException("the scenario's company has no master user yet (missing 前提 step)");

    public IReadOnlyList<UserAccount> GeneralUsers => generalUsers;

    /// <summary>The general user the scenario is about (the last one created).</summary>
    public UserAccount RequiredGeneralUser => generalUsers.Count > 0 ? generalUsers[^1] : throw new InvalidOperationException("the scenario has no general user yet (missing 前提 step)");

    /// <summary>The user operating the browser; the manual's steps are that user's actions.</summary>
    public UserAccount Actor => actor ?? throw new InvalidOperationException("no user is operating the browser yet (missing 前提 step)");

    public UserAccount RegisterMaster(CompanyNotice notice, string? loginPassword = null, string? approvalPassword = null)
    {
        Notice = notice;
        Master = new UserAccount(notice.MasterLoginId, isMaster: true, notice.InitialPassword)
        {
            LoginPassword = loginPassword ?? notice.InitialPassword,
            ApprovalPassword = approvalPassword,
        };
        return Master;
    }

    public UserAccount AddGeneralUser(UserAccount user)
    {
        generalUsers.Add(user);
        return user;
    }

    public UserAccount ActAs(UserAccount user)
    {
        actor = user;
        return user;
    }
}

using System.CommandLine;
using Shinkin.Targets;
using Shinkin.Targets.Pool;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `shinkin check-profile targets/NAME.json`: validates a target profile (every problem, by JSON path) and lists its
/// account pool with each account's state, so `./harness run --target-profile` stops before any browser starts.
/// </summary>
public static class CheckProfileCommand
{
    private static readonly Argument<string> Profile = new("profile") { Description = "targets/NAME.json" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("check-profile", "ターゲットプロファイルを検証しアカウントプールを表示します / Validate a target profile and list its account pool.") { Profile };
        command.SetAction(result => Run([result.GetValue(Profile)!], stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count != 1)
        {
            stderr.WriteLine("check-profile: give one target profile, e.g. targets/reference.json");
            return 2;
        }

        TargetProfile profile;
        try
        {
            profile = TargetProfile.Load(args[0]);
        }
        catch (TargetProfileException ex)
        {
            stderr.WriteLine("ターゲットプロファイルを使えません:");
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine("  " + error);
            }

            return 2;
        }

        stdout.WriteLine($"プロファイル       {profile.DisplayPath} ({profile.Name})");
        stdout.WriteLine($"公開 URL           {profile.PublicUrl}");
        stdout.WriteLine($"電子証明書ログイン {profile.CertificateUrl}");
        stdout.WriteLine($"信頼する CA        {profile.Trust.CaFile ?? "OS の証明書ストア"}");
        stdout.WriteLine($"試験データ API     {(profile.Capabilities.TestDataApi ? "あり" : "なし")}");
        stdout.WriteLine($"語句の置き換え     {profile.Words.Count} 件");
        if (profile.Accounts.Count == 0)
        {
            stdout.WriteLine("アカウントプール   なし（ログイン前の画面と拒否される入力だけが実行され、残りは対象外）");
            return 0;
        }

        try
        {
            var pool = AccountPool.Open(profile);
            stdout.WriteLine("アカウントプール");
            foreach (var status in pool.Status())
            {
                var note = status.Status switch
                {
                    PoolAccountStatus.Available => "利用可",
                    PoolAccountStatus.Leased => $"貸出中 (run {status.RunId})",
                    _ => $"使用済み: {status.WhatHappened}",
                };
                stdout.WriteLine($"  {status.Account.Id,-12} {status.Account.State.ToJsonName(),-15} {status.Account.LoginId,-16} {note}");
            }
        }
        catch (AccountPoolException ex)
        {
            stderr.WriteLine($"check-profile: {ex.Message}");
            return 2;
        }

        return 0;
    }
}

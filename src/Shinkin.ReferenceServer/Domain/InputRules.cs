using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>The manual's input rules with their Japanese messages (shown beside the field).</summary>
public sealed class InputRules(IOptions<SecuritySettings> security, IOptions<UserRuleSettings> users)
{
    public SecuritySettings Security => security.Value;

    public UserRuleSettings Users => users.Value;

    public static string Required(string label) => $"{label}を入力してください。";

    public static bool IsHalfWidthAlphanumeric(string value) => value.All(char.IsAsciiLetterOrDigit);

    public static bool IsHalfWidthPrintable(string value) => value.All(c => c is > ' ' and <= '~');

    /// <summary>Login and approval passwords chosen by the user (新ログインパスワードの設定条件).</summary>
    public string? CheckNewPassword(string? value, string label, string loginId)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Required(label);
        }

        if (!IsHalfWidthPrintable(value))
        {
            return $"{label}は半角英数字で入力してください。";
        }

        if (value.Length < Security.PasswordMinLength)
        {
            return $"{label}は{Security.PasswordMinLength}文字以上で入力してください。";
        }

        if (value.Length > Security.PasswordMaxLength)
        {
            return $"{label}は{Security.PasswordMaxLength}文字以内で入力してください。";
        }

        if (!value.Any(char.IsAsciiLetter) || !value.Any(char.IsAsciiDigit))
        {
            return $"{label}は半角英字と半角数字をそれぞれ1文字以上含めてください。";
        }

        if (EqualsLoginId(value, loginId))
        {
            return "ログインID（お客様ID）と同じものは設定できません。";
        }

        return null;
    }

    public static string? CheckConfirmation(string? value, string? confirmation, string label)
    {
        if (string.IsNullOrEmpty(confirmation))
        {
            return Required($"{label}（確認用）");
        }

        return string.Equals(value, confirmation, StringComparison.Ordinal) ? null : $"{label}と{label}（確認用）が一致しません。";
    }

    /// <summary>The part of a general user's login ID after the prefilled "d-".</summary>
    public string? CheckLoginIdBody(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Required("ログインID");
        }

        return CheckAlphanumericLength(value, "ログインID", Users.LoginIdMinLength, Users.LoginIdMaxLength);
    }

    /// <summary>初回ログインパスワード: 半角英数字 6 文字以上 12 文字以内.</summary>
    public string? CheckInitialPassword(string? value, string label)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Required(label);
        }

        return CheckAlphanumericLength(value, label, Users.InitialPasswordMinLength, Users.InitialPasswordMaxLength);
    }

    public string? CheckUserName(string? value, string label = "ユーザ名") => CheckDisplayText(value, label, Users.UserNameMaxLength, Users.UserNameMaxCodeUnits);

    public string? CheckCompanyName(string? value) => CheckDisplayText(value, "会社名", Users.CompanyNameMaxLength, Users.CompanyNameMaxLength * 4);

    /// <summary>
    /// Names shown to people: at most <paramref name="maxTextElements"/> characters as a person counts them (grapheme
    /// clusters) and <paramref name="maxCodeUnits"/> UTF-16 units, with no control characters and no bidi
    /// controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that would make a name display as another.
    /// </summary>
    public static string? CheckDisplayText(string? value, string label, int maxTextElements, int maxCodeUnits)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Required(label);
        }

        if (value.Any(IsForbiddenInNames))
        {
            return $"{label}に使用できない文字（制御文字・文字の向きを変える記号）が含まれています。";
        }

        return value.Length > maxCodeUnits || new System.Globalization.StringInfo(value).LengthInTextElements > maxTextElements
            ? $"{label}は{maxTextElements}文字以内で入力してください。"
            : null;
    }

    public static bool IsForbiddenInNames(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';

    public string? CheckEmail(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Required("メールアドレス");
        }

        if (!IsHalfWidthPrintable(value))
        {
            return "メールアドレスは半角英数字記号で入力してください。";
        }

        if (value.Length > Users.EmailMaxLength)
        {
            return $"メールアドレスは{Users.EmailMaxLength}文字以内で入力してください。";
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1
            ? "メールアドレスの形式が正しくありません。"
            : null;
    }

    /// <summary>ログイン ID（お客様 ID）の先頭は“d-”.</summary>
    public string? CheckLoginIdFormat(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Required("ログインID（お客様ID）");
        }

        return value.StartsWith(Users.LoginIdPrefix, StringComparison.Ordinal)
            ? null
            : $"ログインID（お客様ID）の先頭には「{Users.LoginIdPrefix}」を付けて入力してください。";
    }

    private bool EqualsLoginId(string value, string loginId)
    {
        if (string.Equals(value, loginId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var body = loginId.StartsWith(Users.LoginIdPrefix, StringComparison.Ordinal) ? loginId[Users.LoginIdPrefix.Length..] : loginId;
        return string.Equals(value, body, StringComparison.OrdinalIgnoreCase);
    }

    private static string? CheckAlphanumericLength(string value, string label, int min, int max)
    {
        if (!IsHalfWidthAlphanumeric(value))
        {
            return $"{label}は半角英数字で入力してください。";
        }

        return value.Length < min || value.Length > max
            ? $"{label}は半角英数字{min}文字以上{max}文字以内で入力してください。"
            : null;
    }
}

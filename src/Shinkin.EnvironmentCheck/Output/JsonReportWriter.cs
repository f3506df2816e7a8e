using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Output;

/// <summary>
/// The machine-readable report. Contract (consumers rely on it): <c>controls[]</c> each with
/// <c>id</c>, <c>actual</c>, <c>source</c> and <c>verdicts.manual</c>/<c>verdicts.secure</c>
/// ("pass", "fail", "na"), and <c>summary.manual</c>/<c>summary.secure</c> ("pass", "fail").
/// Other fields are informative and may grow.
/// </summary>
public static class JsonReportWriter
{
    public static string Write(CheckReport report, CheckProfile selected)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("profile", selected.JsonName());
            json.WriteStartObject("os");
            json.WriteString("name", report.Os.Name);
            json.WriteBoolean("isWindowsXp", report.Os.IsWindowsXp);
            json.WriteString("origin", report.Os.Origin);
            json.WriteEndObject();
            json.WriteStartArray("inputs");
            foreach (var input in report.Inputs)
            {
                json.WriteStringValue(input);
            }

            json.WriteEndArray();
            json.WriteBoolean("securityHklmOnly", report.SecurityHklmOnly);
            json.WriteStartArray("controls");
            foreach (var control in report.Controls)
            {
                WriteControl(json, control);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            foreach (var profile in VerdictNames.Profiles)
            {
                json.WriteString(profile.JsonName(), report.Overall(profile).JsonName());
            }

            json.WriteString("selected", selected.JsonName());
            json.WriteNumber("exitCode", report.ExitCode(selected));
            json.WriteString("restartAdvice", CheckReport.RestartAdvice);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteControl(Utf8JsonWriter json, ControlResult control)
    {
        json.WriteStartObject();
        json.WriteString("id", control.Id);
        json.WriteString("title", control.Title);
        json.WriteString("manualStep", control.ManualStep);
        json.WritePropertyName("actual");
        switch (control.Actual)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long n:
                json.WriteNumberValue(n);
                break;
            default:
                json.WriteStringValue(control.Actual.ToString());
                break;
        }

        json.WriteString("actualText", control.ActualText);
        json.WriteString("source", control.SourceText);
        json.WriteString("sourceLayer", control.Source?.Layer.JsonName());
        json.WriteStartArray("overridden");
        foreach (var overridden in control.Overridden)
        {
            json.WriteStartObject();
            json.WriteString("source", overridden.Source.Location);
            json.WriteString("layer", overridden.Source.Layer.JsonName());
            json.WriteString("value", overridden.Source.Value.Display());
            json.WriteString("reason", overridden.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteProfiles(json, "expected", control, r => r.Expected);
        WriteProfiles(json, "verdicts", control, r => r.Verdict.JsonName());
        WriteProfiles(json, "reasons", control, r => r.Reason);
        WriteProfiles(json, "fix", control, r => r.Fix);
        json.WriteString("explanation", control.Explanation);
        json.WriteString("disagreement", control.Disagreement);
        json.WriteEndObject();
    }

    private static void WriteProfiles(Utf8JsonWriter json, string name, ControlResult control, Func<ProfileResult, string?> select)
    {
        json.WriteStartObject(name);
        foreach (var profile in VerdictNames.Profiles)
        {
            json.WriteString(profile.JsonName(), select(control.For(profile)));
        }

        json.WriteEndObject();
    }
}

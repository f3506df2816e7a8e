using Shinkin.Reports.JUnit;

namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class JUnitWriterTests
{
    [Test]
    public async Task Junit_has_a_suite_per_feature_and_a_case_per_scenario_with_failures_and_skips()
    {
        var folder = SyntheticRun.NewFolder("junit");
        try
        {
            await SyntheticRun.WriteSampleAsync(folder);
            var run = await RunRecordStore.LoadAsync(folder);
            var path = Path.Combine(folder, "junit.xml");
            await JUnitWriter.WriteAsync(run, path);

            var document = XDocument.Load(path);
            var root = document.Root!;
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That((int)root.Attribute("tests")!, Is.EqualTo(6));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(1));
            Assert.That((int)root.Attribute("skipped")!, Is.EqualTo(2));
            Assert.That((int)root.Attribute("errors")!, Is.EqualTo(0));

            var suite = root.Elements("testsuite").Single();
            Assert.That((string?)suite.Attribute("name"), Is.EqualTo("マスターユーザの初期設定"));
            Assert.That((string?)suite.Attribute("timestamp"), Is.EqualTo("2025-11-20T00:00:00"));
            Assert.That(suite.Element("properties")!.Elements("property").Select(p => (string?)p.Attribute("name")), Does.Contain("engine"));
            var cases = suite.Elements("testcase").ToList();
            Assert.That(cases, Has.Count.EqualTo(6));
            Assert.That(cases.All(c => c.Attribute("name") is not null && c.Attribute("classname") is not null && double.TryParse((string?)c.Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, out _)), Is.True);

            var failure = cases.Single(c => (string?)c.Attribute("name") == "マスターユーザが電子証明書を取得する").Element("failure")!;
            Assert.That((string?)failure.Attribute("message"), Does.Contain("30 秒以内に表示されませんでした"));
            Assert.That(failure.Value, Does.Contain("at Shinkin.PageObjects.CertificatePage.AcquireAsync()"));
            Assert.That(failure.Value.Contains((char)27), Is.False, "no ANSI escape left");

            var skipped = cases.Single(c => (string?)c.Attribute("name") == "Cookie を設定する").Element("skipped")!;
            Assert.That((string?)skipped.Attribute("message"), Does.Contain("Windows のレジストリが必要"));
            var pending = cases.Single(c => (string?)c.Attribute("name") == "承認用パスワードを設定する").Element("skipped")!;
            Assert.That((string?)pending.Attribute("message"), Does.StartWith("保留"));
            Assert.That(cases.First().Element("system-out")!.Value, Does.Contain("artifacts/s1-1-ok/step01.png"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using NUnit.Framework;
using Shinkin.Browsers;
using Shinkin.PageObjects;
using Shinkin.Settings;

namespace Shinkin.Conventions.Tests;

/// <summary>The manual's words as data: every control can be found without a test id, every screen by its heading.</summary>
public sealed class UiCatalogTests
{
    [Test]
    public void Every_control_has_a_label_locator_and_keeps_its_test_id()
    {
        var catalog = UiCatalog.Current;
        var missing = catalog.Controls.Keys.Where(k => !catalog.Target(k).HasLabelLocator).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Controls, Has.Count.GreaterThan(100));
            Assert.That(missing, Is.Empty, "controls label mode cannot find");
        });
    }

    [Test]
    public void Every_screen_is_found_by_its_heading_and_shared_headings_have_markers()
    {
        var catalog = UiCatalog.Current;
        foreach (var (id, screen) in catalog.Screens)
        {
            var heading = catalog.ScreenHeading(id);
            Assert.That(heading.UsesTestId(LocatorMode.Labels), Is.False, id);
            Assert.That(heading.Name, Is.EqualTo(screen.Heading), id);
            if (screen.Marker is { } marker)
            {
                Assert.That(catalog.Controls.ContainsKey(marker), Is.True, $"{id}: marker {marker}");
            }

            // Among screens sharing a heading at most one may go without a marker (the one left over).
            var unmarked = catalog.ScreensSharingHeading(id).Append(id).Count(s => catalog.Screen(s).Marker is null);
            Assert.That(unmarked, Is.LessThanOrEqualTo(1), $"screens headed 「{screen.Heading}」");
        }
    }

    [Test]
    public void Every_screen_name_a_step_uses_is_in_the_catalogue()
    {
        var names = Ui.ScreensByName;
        Assert.That(names.Keys, Does.Contain("サービス一覧").And.Contain("ユーザ新規登録（確認）"));
    }

    [Test]
    public void Unknown_override_keys_are_named()
    {
        Assert.That(UiCatalog.UnknownKeys(["approval-password.current", "screen.services", "business.inquiry", "no-such.key"]), Is.EqualTo(new[] { "no-such.key" }));
    }

    [Test]
    public void Label_mode_never_falls_back_to_a_test_id()
    {
        var onlyTestId = Target.ByTestId("x", "only a test id");
        Assert.Multiple(() =>
        {
            Assert.That(onlyTestId.CanBeFoundIn(LocatorMode.Labels), Is.False);
            Assert.That(onlyTestId.CanBeFoundIn(LocatorMode.TestIds), Is.True);
            Assert.That(UiCatalog.Current.Target("approval-password.current").UsesTestId(LocatorMode.Labels), Is.False);
            Assert.That(UiCatalog.Current.Target("approval-password.current").UsesTestId(LocatorMode.TestIds), Is.True);
            Assert.That(UiCatalog.Current.Target("services.densai-second").IndexIn(LocatorMode.Labels), Is.EqualTo(1), "the second of two identical buttons");
            Assert.That(UiCatalog.Current.Target("services.densai-second").IndexIn(LocatorMode.TestIds), Is.Zero, "a test id names one element");
            Assert.That(Ui.Permissions.Approver("issue-debtor").IndexIn(LocatorMode.Labels), Is.EqualTo(1));
            Assert.That(Ui.Permissions.Approver("issue-debtor").IndexIn(LocatorMode.TestIds), Is.Zero);
        });
    }
}

namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class ExcelHelperTests
{
    [Test]
    public void Sheet_names_are_cut_cleaned_and_made_unique()
    {
        var names = new SheetNames();
        var a = names.Reserve("[仕様] 2/1: ログイン*確認? \\ 長い長い長い長い長い長い長い名前その1");
        var b = names.Reserve("[仕様] 2/1: ログイン*確認? \\ 長い長い長い長い長い長い長い名前その2");
        var c = names.Reserve("history");
        Assert.That(new[] { a, b, c }, Has.All.Length.LessThanOrEqualTo(31));
        Assert.That(a.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']), Is.EqualTo(-1));
        Assert.That(b, Is.Not.EqualTo(a));
        Assert.That(b, Does.EndWith("~2"));
        Assert.That(c, Is.EqualTo("history~2"), "History is reserved by Excel");
        Assert.That(SheetNames.Sanitize("'quoted'"), Is.EqualTo("quoted"));
        Assert.That(SheetNames.Anchor("it's"), Is.EqualTo("'it''s'!A1"));
    }

    [Test]
    public void Wide_characters_count_double()
    {
        Assert.That(TextWidth.Of("abc"), Is.EqualTo(3));
        Assert.That(TextWidth.Of("ログイン"), Is.EqualTo(8));
        Assert.That(TextWidth.Of("ＯＫ（全角）"), Is.EqualTo(12));
        Assert.That(TextWidth.Of("短い\nずっと長い行"), Is.EqualTo(12));
        Assert.That(TextWidth.WrappedLines("あいうえおかきくけこ", 11), Is.EqualTo(2));
    }

    [Test]
    public void Text_cleaner_removes_ansi_and_xml_invalid_characters()
    {
        Assert.That(TextCleaner.Clean("\u001b[31mred\u001b[0m\u0007 ok\n"), Is.EqualTo("red ok\n"));
        Assert.That(TextCleaner.FirstLine("first\nsecond"), Is.EqualTo("first"));
        Assert.That(TextCleaner.Limit("1\n2\n3", 2), Is.EqualTo("1\n2\n… (1 行省略)"));
    }
}

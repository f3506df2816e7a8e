using NUnit.Framework;
using Reqnroll;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

public sealed class Documents
{
    public List<(string Name, string Role)> Users { get; } = [];

    public string? Text { get; set; }

    public string? Record { get; set; }
}

[Binding]
public sealed class DocumentSteps(Documents documents)
{
    [Given("次の利用者がいる:")]
    public void UsersAre(DataTable table) =>
        documents.Users.AddRange(table.Rows.Select(row => (row["名前"], row["役割"])));

    [Then("利用者は {int} 人である")]
    public void UserCount(int count) => Assert.That(documents.Users, Has.Count.EqualTo(count));

    [Then("利用者 {string} はいない")]
    public void UserAbsent(string name) => Assert.That(documents.Users.Select(u => u.Name), Does.Not.Contain(name));

    [Then("利用者 {string} の役割は {string} である")]
    public void UserRole(string name, string role) =>
        Assert.That(documents.Users.Single(u => u.Name == name).Role, Is.EqualTo(role));

    [Given("次の文書がある:")]
    public void DocumentIs(string text) => documents.Text = text;

    [Then("文書は {string} である")]
    public void DocumentEquals(string expected) => Assert.That(documents.Text, Is.EqualTo(expected));

    [Given("規則の背景で {string} を記録する")]
    public void RecordInRuleBackground(string value) => documents.Record = value;

    [Then("記録は {string} である")]
    public void RecordIs(string expected) => Assert.That(documents.Record, Is.EqualTo(expected));
}

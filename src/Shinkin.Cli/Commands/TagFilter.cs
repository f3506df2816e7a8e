using System.Text;

namespace Shinkin.Cli.Commands;

/// <summary>
/// Turns a tag expression ("master&amp;!slow", "@manual:2-1|general") into a `dotnet test --filter`
/// expression over NUnit categories, so users think in Gherkin tags rather than VSTest syntax.
/// </summary>
public static class TagFilter
{
    public static string ToTestFilter(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var output = new StringBuilder();
        var depth = 0;
        var expectOperand = true;
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '&' or '|')
            {
                if (expectOperand)
                {
                    throw new FormatException($"operator '{c}' at position {i + 1} needs a tag before it");
                }

                output.Append(c);
                expectOperand = true;
                i++;
                continue;
            }

            if (c == '(')
            {
                if (!expectOperand)
                {
                    throw new FormatException($"'(' at position {i + 1} must follow an operator");
                }

                depth++;
                output.Append(c);
                i++;
                continue;
            }

            if (c == ')')
            {
                if (expectOperand || depth == 0)
                {
                    throw new FormatException($"unexpected ')' at position {i + 1}");
                }

                depth--;
                output.Append(c);
                i++;
                continue;
            }

            var negate = false;
            if (c == '!')
            {
                negate = true;
                i++;
            }

            var start = i;
            while (i < expression.Length && !char.IsWhiteSpace(expression[i]) && expression[i] is not ('&' or '|' or '(' or ')' or '!'))
            {
                i++;
            }

            var tag = expression[start..i].TrimStart('@');
            if (tag.Length == 0 || !expectOperand)
            {
                throw new FormatException($"expected a tag at position {start + 1}");
            }

            output.Append("TestCategory").Append(negate ? "!=" : "=").Append(tag);
            expectOperand = false;
        }

        if (expectOperand || depth != 0)
        {
            throw new FormatException("the expression is incomplete (a tag or ')' is missing at the end)");
        }

        return output.ToString();
    }
}

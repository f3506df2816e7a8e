using System.Text;

namespace Shinkin.Cli.Runs;

/// <summary>
/// Evaluates a `dotnet test --filter` expression against one scenario before the test run starts, so the command line
/// knows how many scenarios a run will finish (n/N and the time left in its progress lines). Understands what
/// --tags produces and what users write: TestCategory, Name and FullyQualifiedName with = != ~ !~, &amp; | and
/// parentheses. Anything else makes <see cref="TryParse"/> return null: the run goes on, its count unknown.
/// </summary>
public sealed class TestFilterExpression
{
    private readonly Func<IReadOnlyCollection<string>, string, bool> evaluate;

    private TestFilterExpression(Func<IReadOnlyCollection<string>, string, bool> evaluate) => this.evaluate = evaluate;

    /// <summary>Whether a scenario with these categories and this fully qualified name is selected.</summary>
    public bool Matches(IReadOnlyCollection<string> categories, string fullyQualifiedName) => evaluate(categories, fullyQualifiedName);

    public static TestFilterExpression? TryParse(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new TestFilterExpression((_, _) => true);
        }

        var parser = new Parser(filter);
        var expression = parser.Or();
        return expression is not null && parser.AtEnd ? new TestFilterExpression(expression) : null;
    }

    private sealed class Parser(string text)
    {
        private int position;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return position == text.Length;
            }
        }

        public Func<IReadOnlyCollection<string>, string, bool>? Or()
        {
            var left = And();
            while (left is not null && Take('|'))
            {
                var right = And();
                if (right is null)
                {
                    return null;
                }

                var l = left;
                left = (c, n) => l(c, n) || right(c, n);
            }

            return left;
        }

        private Func<IReadOnlyCollection<string>, string, bool>? And()
        {
            var left = Primary();
            while (left is not null && Take('&'))
            {
                var right = Primary();
                if (right is null)
                {
                    return null;
                }

                var l = left;
                left = (c, n) => l(c, n) && right(c, n);
            }

            return left;
        }

        private Func<IReadOnlyCollection<string>, string, bool>? Primary()
        {
            if (Take('('))
            {
                var inner = Or();
                return inner is not null && Take(')') ? inner : null;
            }

            return Condition();
        }

        private Func<IReadOnlyCollection<string>, string, bool>? Condition()
        {
            SkipSpaces();
            var property = new StringBuilder();
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.'))
            {
                property.Append(text[position++]);
            }

            string op;
            if (Peek("!="))
            {
                op = "!=";
            }
            else if (Peek("!~"))
            {
                op = "!~";
            }
            else if (Peek("="))
            {
                op = "=";
            }
            else if (Peek("~"))
            {
                op = "~";
            }
            else
            {
                return null;
            }

            position += op.Length;
            var value = Value();
            var negate = op[0] == '!';
            var contains = op.EndsWith('~');
            Func<string, bool> test = contains
                ? candidate => candidate.Contains(value, StringComparison.Ordinal)
                : candidate => string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase);
            Func<IReadOnlyCollection<string>, string, bool>? positive = property.ToString() switch
            {
                "TestCategory" or "Category" => (categories, _) => categories.Any(test),
                "FullyQualifiedName" or "Name" when contains => (_, name) => test(name),
                _ => null,
            };
            return positive is null ? null : negate ? (c, n) => !positive(c, n) : positive;
        }

        private string Value()
        {
            var value = new StringBuilder();
            while (position < text.Length && text[position] is not ('&' or '|' or ')'))
            {
                if (text[position] == '\\' && position + 1 < text.Length)
                {
                    position++;
                }

                value.Append(text[position++]);
            }

            return value.ToString().Trim();
        }

        private bool Peek(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

        private bool Take(char c)
        {
            SkipSpaces();
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}

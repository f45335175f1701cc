using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nmirf.Workflows.Expressions;

/// <summary>
/// The condition of a <c>decision</c> case: a small language evaluated here, with no access to .NET. It reads the
/// answers of earlier steps (<c>validate.decision == "return"</c>, <c>collect-data.answered &gt;= 3</c>) and the
/// workflow's inputs (<c>inputs.simplified</c>); compares with <c>== != &lt; &lt;= &gt; &gt;=</c>; combines with
/// <c>and</c>, <c>or</c>, <c>not</c> and parentheses; and knows literals (strings in quotes, numbers,
/// <c>true</c>, <c>false</c>, <c>null</c>) and one function, <c>empty(x)</c>. A reference is a step id and a
/// field; step ids may hold hyphens because the language has no arithmetic.
/// </summary>
public sealed class Condition
{
    /// <summary>Conditions are short; longer text is refused before parsing.</summary>
    public const int MaxLength = 1000;

    private const int MaxDepth = 32;

    private readonly Node _root;

    private Condition(string text, Node root, IReadOnlyList<Reference> references)
    {
        Text = text;
        _root = root;
        References = references;
    }

    public string Text { get; }

    /// <summary>Every <c>step.field</c> the condition reads.</summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what and at which character.</summary>
    public static Condition? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            error = $"the condition is longer than {MaxLength} characters";
            return null;
        }

        try
        {
            var parser = new Parser(Tokenize(text));
            var root = parser.ParseOr(0);
            parser.ExpectEnd();
            error = null;
            return new Condition(text, root, parser.References);
        }
        catch (ConditionSyntaxException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>Evaluates the condition; a reference to nothing reads as null, and only <c>true</c> holds.</summary>
    public bool Holds(Func<Reference, object?> read) => Evaluate(_root, read) is true;

    private static object? Evaluate(Node node, Func<Reference, object?> read) => node switch
    {
        Literal l => l.Value,
        Reference r => Normalize(read(r)),
        Not n => Evaluate(n.Operand, read) is not true,
        Binary { Operator: "and" } b => Evaluate(b.Left, read) is true && Evaluate(b.Right, read) is true,
        Binary { Operator: "or" } b => Evaluate(b.Left, read) is true || Evaluate(b.Right, read) is true,
        Binary b => Compare(b.Operator, Evaluate(b.Left, read), Evaluate(b.Right, read)),
        Empty e => Evaluate(e.Operand, read) switch
        {
            null => true,
            string s => string.IsNullOrWhiteSpace(s),
            _ => false,
        },
        _ => throw new InvalidOperationException("Unknown node."),
    };

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        // A number beyond decimal's range is compared as its text rather than failing the whole workflow.
        JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetDecimal(out var number) ? number : e.GetRawText(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.GetRawText(),
        int i => (decimal)i,
        long l => (decimal)l,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        float f when float.IsFinite(f) && Math.Abs(f) < 7.9e28f => (decimal)f,
        decimal or bool or string => value,

        // Dates become ISO 8601 text, whose ordinal order is the calendar's: a condition compares them with a
        // quoted date ("2027-03-31"). The invariant culture alone would write 03/31/2027, which does not sort.
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool Compare(string op, object? left, object? right)
    {
        if (op is "==" or "!=")
        {
            var equal = left switch
            {
                string s when right is string t => string.Equals(s, t, StringComparison.OrdinalIgnoreCase),
                _ => Equals(left, right),
            };
            return op == "==" ? equal : !equal;
        }

        int? order = (left, right) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => null,
        };
        return order is { } o && op switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            ">=" => o >= 0,
            _ => false,
        };
    }

    public abstract record Node;

    public sealed record Literal(object? Value) : Node;

    /// <summary>A value read from the workflow: <see cref="Step"/> is a step id or <c>inputs</c>.</summary>
    public sealed record Reference(string Step, string Field, int Position) : Node
    {
        public override string ToString() => $"{Step}.{Field}";
    }

    private sealed record Not(Node Operand) : Node;

    private sealed record Empty(Node Operand) : Node;

    private sealed record Binary(string Operator, Node Left, Node Right) : Node;

    private sealed record Token(TokenKind Kind, string Text, int Position, object? Value = null);

    private enum TokenKind
    {
        Name,
        String,
        Number,
        Operator,
        Open,
        Close,
        End,
    }

    private sealed class ConditionSyntaxException(string message) : Exception(message);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i));
                i++;
            }
            else if (c is '"' or '\'')
            {
                var start = i++;
                var value = new StringBuilder();
                while (i < text.Length && text[i] != c)
                {
                    value.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    throw new ConditionSyntaxException($"the string that starts at character {start + 1} is not closed");
                }

                i++;
                tokens.Add(new Token(TokenKind.String, text[start..i], start, value.ToString()));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var raw = text[start..i];
                if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    throw new ConditionSyntaxException($"'{raw}' at character {start + 1} is not a number");
                }

                tokens.Add(new Token(TokenKind.Number, raw, start, number));
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    tokens.Add(new Token(TokenKind.Operator, two switch { "&&" => "and", "||" => "or", _ => two }, i));
                    i += 2;
                }
                else if (c is '<' or '>' or '!')
                {
                    tokens.Add(new Token(TokenKind.Operator, c == '!' ? "not" : c.ToString(), i));
                    i++;
                }
                else
                {
                    throw new ConditionSyntaxException($"'{c}' at character {i + 1} is not part of the condition language");
                }
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _index;

        public List<Reference> References { get; } = [];

        private Token Current => tokens[_index];

        public void ExpectEnd()
        {
            if (Current.Kind != TokenKind.End)
            {
                throw new ConditionSyntaxException($"unexpected '{Current.Text}' at character {Current.Position + 1}");
            }
        }

        public Node ParseOr(int depth)
        {
            var left = ParseAnd(depth);
            while (IsWord("or"))
            {
                _index++;
                left = new Binary("or", left, ParseAnd(depth));
            }

            return left;
        }

        private Node ParseAnd(int depth)
        {
            var left = ParseUnary(depth);
            while (IsWord("and"))
            {
                _index++;
                left = new Binary("and", left, ParseUnary(depth));
            }

            return left;
        }

        private Node ParseUnary(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ConditionSyntaxException($"the condition nests deeper than {MaxDepth} levels");
            }

            if (IsWord("not"))
            {
                _index++;
                return new Not(ParseUnary(depth + 1));
            }

            return ParseComparison(depth);
        }

        private Node ParseComparison(int depth)
        {
            var left = ParsePrimary(depth);
            if (Current.Kind == TokenKind.Operator && Current.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
            {
                var op = Current.Text;
                _index++;
                return new Binary(op, left, ParsePrimary(depth));
            }

            return left;
        }

        private Node ParsePrimary(int depth)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Open:
                    _index++;
                    var inner = ParseOr(depth + 1);
                    if (Current.Kind != TokenKind.Close)
                    {
                        throw new ConditionSyntaxException($"')' expected at character {Current.Position + 1}");
                    }

                    _index++;
                    return inner;
                case TokenKind.String:
                case TokenKind.Number:
                    _index++;
                    return new Literal(token.Value);
                case TokenKind.Name when token.Text is "true" or "false" or "null":
                    _index++;
                    return new Literal(token.Text switch { "true" => true, "false" => false, _ => null });
                case TokenKind.Name when token.Text == "empty" && tokens[_index + 1].Kind == TokenKind.Open:
                    _index += 2;
                    var operand = ParseOr(depth + 1);
                    if (Current.Kind != TokenKind.Close)
                    {
                        throw new ConditionSyntaxException($"')' expected at character {Current.Position + 1}");
                    }

                    _index++;
                    return new Empty(operand);
                case TokenKind.Name:
                    _index++;
                    var dot = token.Text.IndexOf('.', StringComparison.Ordinal);
                    if (dot <= 0 || dot == token.Text.Length - 1 || token.Text.IndexOf('.', dot + 1) >= 0)
                    {
                        throw new ConditionSyntaxException($"'{token.Text}' at character {token.Position + 1} is not a reference of the form step.field");
                    }

                    var reference = new Reference(token.Text[..dot], token.Text[(dot + 1)..], token.Position);
                    References.Add(reference);
                    return reference;
                case TokenKind.End:
                    throw new ConditionSyntaxException("the condition ends where a value was expected");
                default:
                    throw new ConditionSyntaxException($"unexpected '{token.Text}' at character {token.Position + 1}");
            }
        }

        private bool IsWord(string word) =>
            (Current.Kind == TokenKind.Name && Current.Text == word) || (Current.Kind == TokenKind.Operator && Current.Text == word);
    }
}

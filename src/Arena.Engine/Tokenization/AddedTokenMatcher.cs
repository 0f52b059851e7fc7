using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>A piece of input text: either plain text for the model, or one matched added token.</summary>
internal readonly record struct TextSegment(string Text, AddedToken? Token);

/// <summary>
/// Cuts added tokens (chat markers, &lt;|endoftext|&gt;) out of text before the model sees it, so they always
/// encode as one id, as Hugging Face's AddedVocabulary does: leftmost match first, longest token at a position.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly Regex? _regex;
    private readonly Dictionary<string, AddedToken> _byContent = new(StringComparer.Ordinal);

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        foreach (AddedToken token in tokens)
        {
            if (token.Content.Length > 0)
            {
                _byContent[token.Content] = token;
            }
        }

        if (_byContent.Count > 0)
        {
            // Longer alternatives first: at one position the regex takes the first alternative that matches.
            IEnumerable<string> alternatives = _byContent.Keys
                .OrderByDescending(k => k.Length)
                .ThenBy(k => k, StringComparer.Ordinal)
                .Select(Regex.Escape);
            _regex = new Regex(string.Join("|", alternatives), RegexOptions.CultureInvariant);
        }
    }

    public void Split(string text, List<TextSegment> segments)
    {
        if (_regex is null)
        {
            segments.Add(new TextSegment(text, null));
            return;
        }

        int position = 0;
        foreach (Match match in _regex.Matches(text))
        {
            if (match.Index < position)
            {
                continue; // inside whitespace that the previous token's rstrip absorbed
            }

            AddedToken token = _byContent[match.Value];
            int start = match.Index;
            int end = match.Index + match.Length;
            while (token.LStrip && start > position && char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            while (token.RStrip && end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (start > position)
            {
                segments.Add(new TextSegment(text[position..start], null));
            }

            segments.Add(new TextSegment(token.Content, token));
            position = end;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], null));
        }
    }
}

using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>Every encoding in every fixture's expected.json: ids, ids with bos, and both decodes equal Hugging Face's.</summary>
public class HfFixtureEncodingTests
{
    public static TheoryData<string, int> Encodings()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in HfTokenizerFixtures.Names)
        {
            int count = HfTokenizerFixtures.Items(name, "encodings").Count();
            for (int i = 0; i < count; i++)
            {
                data.Add(name, i);
            }
        }

        return data;
    }

    public static TheoryData<string, int> Chats()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in HfTokenizerFixtures.Names)
        {
            int count = HfTokenizerFixtures.Items(name, "chats").Count();
            for (int i = 0; i < count; i++)
            {
                data.Add(name, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodesAndDecodesAsHuggingFace(string fixture, int index)
    {
        TextTokenizer tokenizer = HfTokenizerFixtures.Load(fixture);
        JsonElement item = HfTokenizerFixtures.Items(fixture, "encodings").ElementAt(index);
        string text = item.GetProperty("text").GetString()!;
        int[] ids = HfTokenizerFixtures.Ids(item, "ids");

        Assert.Equal(ids, tokenizer.Encode(text));
        Assert.Equal(HfTokenizerFixtures.Ids(item, "ids_bos"), tokenizer.Encode(text, tokenizer.AddBos));
        Assert.Equal(item.GetProperty("decoded").GetString(), tokenizer.Decode(ids));
        Assert.Equal(item.GetProperty("decoded_skip").GetString(), tokenizer.Decode(ids, skipSpecial: true));
    }

    /// <summary>The rendered chat text (the template's business) encodes to Hugging Face's ids.</summary>
    [Theory]
    [MemberData(nameof(Chats))]
    public void EncodesRenderedChatsAsHuggingFace(string fixture, int index)
    {
        TextTokenizer tokenizer = HfTokenizerFixtures.Load(fixture);
        JsonElement chat = HfTokenizerFixtures.Items(fixture, "chats").ElementAt(index);
        Assert.Equal(HfTokenizerFixtures.Ids(chat, "ids"), tokenizer.Encode(chat.GetProperty("text").GetString()!));
    }
}

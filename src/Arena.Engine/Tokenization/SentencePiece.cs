namespace Arena.Engine.Tokenization;

/// <summary>One entry of tokenizer.model's vocabulary; its id is its position in the file.</summary>
/// <param name="Score">For BPE, the merge priority of the piece: higher merges first.</param>
internal sealed record SentencePiece(string Piece, float Score, SentencePieceType Type);

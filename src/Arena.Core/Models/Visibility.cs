namespace Arena.Core.Models;

/// <summary>Public: listed and battled. Unlisted: anyone with the link. Private: the owner only.</summary>
public enum Visibility { Public, Unlisted, Private }

/// Where the store lives: `--store PATH`, else `RAPPORT_STORE`, else
/// `$XDG_DATA_HOME/rapport`, else `~/.local/share/rapport`.
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return expand(explicit, environment) }
        if let path = environment["RAPPORT_STORE"], !path.isEmpty { return expand(path, environment) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/rapport" }
        return (environment["HOME"] ?? "") + "/.local/share/rapport"
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        if path == "~" { return environment["HOME"] ?? path }
        if path.hasPrefix("~/"), let home = environment["HOME"] { return home + path.dropFirst() }
        return path
    }
}

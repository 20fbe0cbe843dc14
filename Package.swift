// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The index's byte, sort and thread helpers: shared and packed bytes, the radix
        // sort, work spread over the cores, tab-separated field text.
        .target(name: "IndexKit"),
        // Pure domain: Codable models, calendar days, cadences, the due engine, scoring,
        // validation, the mutations that change an account. StoreJSONCodec only for
        // `JSONRecord`, which its busiest records are read from (D55).
        .target(name: "RapportCore", dependencies: ["IndexKit", "StoreJSONCodec"]),
        // The demo store's accounts and the synthetic portfolio for scale tests and benchmarks.
        .target(name: "RapportDemo", dependencies: ["RapportCore"]),
        // The store's fast JSON codec for account files (and the byte buffer both JSON
        // writers fill): `RapportJSON`, with Foundation's coders where it stands aside.
        .target(name: "StoreJSONCodec", dependencies: ["IndexKit"]),
        // Bundled data (demo portfolio, litmus questions, playbook), embedded in the binary.
        .target(
            name: "RapportResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [
                .embedInCode("demo/portfolio.json"),
                .embedInCode("litmus/questions-v1.json"),
                .embedInCode("playbook/relationship-for-life.json")
            ]
        ),
        // The file store: layout, atomic writes, locking, migrations.
        .target(name: "RapportStore", dependencies: ["CMalloc", "IndexKit", "RapportCore", "StoreJSONCodec"]),
        // glibc's malloc_trim, which the Glibc module does not declare.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The C library's memmem, which the Glibc module does not declare.
        .systemLibrary(name: "CMemmem", path: "Sources/CMemmem"),
        // The compiler's prefetch hint, which Swift does not expose.
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        // Pure terminal toolkit: canvas, keys, display width, widgets, keymaps, text search.
        .target(name: "TUIKit", dependencies: ["CMemmem"]),
        // ncursesw as a system library; only CursesBackend may import it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Draws a Canvas with ncurses, reads keys, restores the terminal on every exit.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TUIKit"]),
        // The app as pure state machines: state, actions, update, render.
        .target(name: "RapportUI", dependencies: ["IndexKit", "RapportCore", "RapportStore", "TUIKit"]),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "CPrefetch", "IndexKit", "RapportCore", "RapportStore", "RapportResources", "RapportUI",
                "CursesBackend", "RapportDemo", "StoreJSONCodec",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            // A release build carries the Swift runtime and libraries inside it: loading and
            // linking a dozen shared libraries took a third of a short command's time. The
            // two libraries FoundationEssentials is built on are named for the static link,
            // and lld links it (GNU ld warns about FoundationEssentials' use of mktemp).
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-use-ld=lld", "-l_FoundationCollections", "-l_FoundationCShims"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .testTarget(name: "IndexKitTests", dependencies: ["IndexKit"]),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["IndexKit", "RapportCore", "RapportDemo", "RapportResources", "StoreJSONCodec"]),
        .testTarget(
            name: "StoreJSONCodecTests",
            dependencies: ["RapportCore", "RapportDemo", "RapportResources", "StoreJSONCodec"]),
        .testTarget(
            name: "RapportDemoTests",
            dependencies: ["RapportCore", "RapportDemo", "RapportResources", "StoreJSONCodec"]),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: ["RapportDemo", "RapportStore", "RapportResources", "StoreJSONCodec"]),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"]),
        .testTarget(
            name: "RapportUITests",
            dependencies: ["RapportUI", "RapportStore", "RapportResources", "StoreJSONCodec"]),
        // Runs the built `rapport` binary (which `swift test` builds with everything else);
        // linking it in would bring its release link flags into the test bundle.
        .testTarget(
            name: "RapportCLITests", dependencies: ["RapportCore", "RapportStore", "StoreJSONCodec"],
            exclude: ["Fixtures"])
    ],
    swiftLanguageModes: [.v6]
)

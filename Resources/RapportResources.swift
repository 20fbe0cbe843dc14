/// Data bundled with Rapport, embedded in the binary at build time so an installed
/// `rapport` needs no resource bundle beside it.
public enum BundledData {
    /// The demo portfolio's account profiles (`demo/portfolio.json`).
    public static var demoPortfolio: [UInt8] { PackageResources.portfolio_json }
    /// The first litmus question set (`litmus/questions-v1.json`).
    public static var litmusQuestionsV1: [UInt8] { PackageResources.questions_v1_json }
    /// The relationship-for-life playbook (`playbook/relationship-for-life.json`).
    public static var playbook: [UInt8] { PackageResources.relationship_for_life_json }
}

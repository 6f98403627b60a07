// Named connections (remote/connection.h): the connections file read and written with every
// field, its mode, secrets ignored in a file others can read, every refusal naming its place,
// secrets resolved from a variable, a private file or the connections file, and the requests
// built from them. A planted secret must never appear in any error or warning.

#include "remote/connection.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace rootline::remote {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPlanted = "PLANTED-s3cr3t-9f8e7d";
constexpr const char* kTokenEnv = "ROOTLINE_TEST_CONN_TOKEN";
constexpr const char* kHeaderEnv = "ROOTLINE_TEST_CONN_HEADER";
constexpr const char* kUnsetEnv = "ROOTLINE_TEST_CONN_UNSET";

std::string header(const net::HttpRequest& r, const std::string& name) {
    std::string found = "<absent>";
    int count = 0;
    for (const auto& [n, v] : r.headers)
        if (n == name) {
            found = v;
            ++count;
        }
    EXPECT_LE(count, 1) << name << " sent twice";
    return found;
}

class RemoteConnectionTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "rootline-conn-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        path_ = (dir_ / "connections.json").string();
        for (const char* name : {kTokenEnv, kHeaderEnv, kUnsetEnv, "ROOTLINE_CONNECTIONS_FILE",
                                 "XDG_CONFIG_HOME", "HOME"}) {
            const char* v = std::getenv(name);
            saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
        }
        ::unsetenv(kTokenEnv);
        ::unsetenv(kHeaderEnv);
        ::unsetenv(kUnsetEnv);
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    // Writes `text` with `mode` (chmod after writing, so the umask does not narrow it).
    std::string writeFile(const std::string& name, const std::string& text, mode_t mode) {
        const std::string p = (dir_ / name).string();
        std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
        EXPECT_EQ(::chmod(p.c_str(), mode), 0);
        return p;
    }

    // Loading `json` (as a private file) fails; returns the error, checked to be one line
    // without the planted secret.
    std::string loadError(const std::string& json) {
        writeFile("connections.json", json, 0600);
        ConnectionList list;
        std::string error;
        std::vector<std::string> warnings;
        EXPECT_FALSE(loadConnections(path_, list, error, &warnings)) << json;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_EQ(error.find(kPlanted), std::string::npos) << error;
        EXPECT_EQ(error.rfind(path_ + ": ", 0), 0u) << error;  // names the file first
        return error;
    }

    static Connection bearer() {
        Connection c;
        c.name = "prod tempo";
        c.kind = SourceKind::Tempo;
        c.baseUrl = "https://grafana.example/tempo";
        c.auth = AuthKind::Bearer;
        c.secret = kPlanted;
        return c;
    }

    fs::path dir_;
    std::string path_;
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// ---- names, defaults, warnings ----

TEST_F(RemoteConnectionTest, KindAndAuthNamesRoundTrip) {
    for (SourceKind k :
         {SourceKind::Jaeger, SourceKind::Tempo, SourceKind::Loki, SourceKind::Prometheus}) {
        SourceKind back{};
        ASSERT_TRUE(sourceKindFromName(sourceKindName(k), back));
        EXPECT_EQ(back, k);
    }
    for (AuthKind a : {AuthKind::None, AuthKind::Bearer, AuthKind::Basic}) {
        AuthKind back{};
        ASSERT_TRUE(authKindFromName(authKindName(a), back));
        EXPECT_EQ(back, a);
    }
    SourceKind k{};
    AuthKind a{};
    EXPECT_FALSE(sourceKindFromName("Jaeger", k));  // names are exact
    EXPECT_FALSE(sourceKindFromName("zipkin", k));
    EXPECT_FALSE(authKindFromName("oauth", a));
    EXPECT_TRUE(isTraceSource(SourceKind::Jaeger));
    EXPECT_TRUE(isTraceSource(SourceKind::Tempo));
    EXPECT_FALSE(isTraceSource(SourceKind::Loki));
    EXPECT_FALSE(isTraceSource(SourceKind::Prometheus));
}

TEST_F(RemoteConnectionTest, DefaultsAreValidLocalServers) {
    const std::pair<SourceKind, const char*> expected[] = {
        {SourceKind::Jaeger, "http://localhost:16686"},
        {SourceKind::Tempo, "http://localhost:3200"},
        {SourceKind::Loki, "http://localhost:3100"},
        {SourceKind::Prometheus, "http://localhost:9090"}};
    for (const auto& [kind, url] : expected) {
        const Connection c = defaultConnection(kind);
        EXPECT_EQ(c.baseUrl, url);
        EXPECT_EQ(c.name, std::string("local ") + sourceKindName(kind));
        EXPECT_EQ(c.auth, AuthKind::None);
        EXPECT_TRUE(c.verifyTls);
        std::string error;
        EXPECT_TRUE(validateConnection(c, error)) << error;
    }
}

TEST_F(RemoteConnectionTest, EndpointNamesSchemeHostAndPortOnly) {
    Connection c = bearer();
    EXPECT_EQ(c.endpoint(), "https://grafana.example:443");
    c.baseUrl = "http://jaeger:16686/sub/path";
    EXPECT_EQ(c.endpoint(), "http://jaeger:16686");
}

TEST_F(RemoteConnectionTest, TlsWarningOnlyWhenVerificationIsOff) {
    Connection c = bearer();
    EXPECT_EQ(tlsWarning(c), "");
    c.verifyTls = false;
    EXPECT_EQ(tlsWarning(c),
              "TLS verification is off for 'prod tempo': anyone on the network path can read and "
              "change what it sends");
    EXPECT_EQ(tlsWarning(c).find(kPlanted), std::string::npos);
}

// ---- validateConnection ----

TEST_F(RemoteConnectionTest, ValidateRefusesWhatCannotBeUsed) {
    auto refusal = [](const Connection& c) {
        std::string error;
        EXPECT_FALSE(validateConnection(c, error)) << c.name << " " << c.baseUrl;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_EQ(error.find(kPlanted), std::string::npos) << error;
        return error;
    };
    Connection c = bearer();
    std::string error;
    EXPECT_TRUE(validateConnection(c, error)) << error;

    c.name = "";
    EXPECT_EQ(refusal(c), "a connection needs a name on one line");
    c.name = "two\nlines";
    EXPECT_EQ(refusal(c), "a connection needs a name on one line");

    for (const char* url :
         {"ftp://grafana.example/tempo", "grafana.example/tempo", "http://", "", "not a url"}) {
        c = bearer();
        c.baseUrl = url;
        EXPECT_EQ(refusal(c),
                  "'prod tempo': the URL must start with http:// or https:// and name a host")
            << url;
    }
    c = bearer();
    c.baseUrl = std::string("https://admin:") + kPlanted + "@grafana.example/tempo";
    EXPECT_NE(refusal(c).find("not in the URL"), std::string::npos);
    c.baseUrl = std::string("https://admin:") + kPlanted + "@grafana.example";
    EXPECT_NE(refusal(c).find("not in the URL"), std::string::npos);
    c.baseUrl = std::string("https://grafana.example/tempo?token=") + kPlanted;
    EXPECT_EQ(refusal(c), "'prod tempo': the URL must not have a query or fragment");
    c.baseUrl = "https://grafana.example/tempo#top";
    EXPECT_EQ(refusal(c), "'prod tempo': the URL must not have a query or fragment");
    // An '@' in a query is not a password in the URL: the message says what is wrong.
    c.baseUrl = "https://grafana.example?owner=me@example.com";
    EXPECT_EQ(refusal(c), "'prod tempo': the URL must not have a query or fragment");

    c = bearer();
    c.auth = AuthKind::Basic;
    EXPECT_EQ(refusal(c), "'prod tempo': basic authentication needs a user name");
    // RFC 7617: the user id cannot hold ':', or the server reads a different user.
    c.username = "ops:admin";
    EXPECT_NE(refusal(c).find("user name cannot hold ':'"), std::string::npos);

    c = bearer();
    c.headers = {{"X Bad", "v", ""}};
    EXPECT_NE(refusal(c).find("not a valid header name"), std::string::npos);
    c.headers = {{"X-Good", std::string("a\r\nX-Injected: ") + kPlanted, ""}};
    EXPECT_NE(refusal(c).find("line break"), std::string::npos);
    c = bearer();
    c.tenant = "team-a\r\nX-Scope-OrgID: team-b";
    EXPECT_NE(refusal(c).find("tenant"), std::string::npos);

    c = bearer();
    c.timeout = std::chrono::milliseconds(0);
    EXPECT_EQ(refusal(c), "'prod tempo': the timeout must be positive");
}

TEST_F(RemoteConnectionTest, AHeaderNameHoldingASecretIsNotEchoed) {
    // A pasted "Authorization: Bearer …" in the name field is the likely way this happens.
    Connection c = bearer();
    c.headers = {{std::string("Authorization: Bearer ") + kPlanted, "", ""}};
    std::string error;
    EXPECT_FALSE(validateConnection(c, error));
    EXPECT_EQ(error.find(kPlanted), std::string::npos) << error;
    EXPECT_NE(error.find("headers[0]"), std::string::npos) << error;
}

// ---- the connections file ----

TEST_F(RemoteConnectionTest, SaveAndLoadRoundTripEveryField) {
    ConnectionList list;
    Connection a;
    a.name = "prod tempo";
    a.kind = SourceKind::Tempo;
    a.baseUrl = "https://grafana.example/tempo";
    a.auth = AuthKind::Bearer;
    a.secretEnv = "TEMPO_TOKEN";
    a.secret = kPlanted;
    a.secretFile = "/run/secrets/tempo-token";
    a.headers = {{"X-Api-Key", "key-value", ""}, {"X-From-Env", "", "MY_HEADER"}};
    a.tenant = "team-a";
    a.verifyTls = false;
    a.caFile = "/etc/ssl/company-ca.pem";
    a.timeout = std::chrono::milliseconds(1001);  // 1.001 s: must not come back as 1000 ms
    Connection b;
    b.name = "staging jaeger";
    b.kind = SourceKind::Jaeger;
    b.baseUrl = "http://jaeger.staging:16686/jaeger/";
    b.auth = AuthKind::Basic;
    b.username = "alice";
    b.secretEnv = "JAEGER_PASSWORD";
    Connection c = defaultConnection(SourceKind::Prometheus);
    c.timeout = std::chrono::milliseconds(4350);
    list.connections = {a, b, c};

    std::string error;
    ASSERT_TRUE(saveConnections(path_, list, error)) << error;
    ConnectionList back;
    std::vector<std::string> warnings;
    ASSERT_TRUE(loadConnections(path_, back, error, &warnings)) << error;
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(back.connections.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        const Connection& x = list.connections[i];
        const Connection& y = back.connections[i];
        EXPECT_EQ(y.name, x.name);
        EXPECT_EQ(y.kind, x.kind);
        EXPECT_EQ(y.baseUrl, x.baseUrl);
        EXPECT_EQ(y.auth, x.auth);
        EXPECT_EQ(y.username, x.username);
        EXPECT_EQ(y.secretEnv, x.secretEnv);
        EXPECT_EQ(y.secret, x.secret);
        EXPECT_EQ(y.secretFile, x.secretFile);
        ASSERT_EQ(y.headers.size(), x.headers.size());
        for (size_t h = 0; h < x.headers.size(); ++h) {
            EXPECT_EQ(y.headers[h].name, x.headers[h].name);
            EXPECT_EQ(y.headers[h].value, x.headers[h].value);
            EXPECT_EQ(y.headers[h].valueEnv, x.headers[h].valueEnv);
        }
        EXPECT_EQ(y.tenant, x.tenant);
        EXPECT_EQ(y.verifyTls, x.verifyTls);
        EXPECT_EQ(y.caFile, x.caFile);
        EXPECT_EQ(y.timeout.count(), x.timeout.count()) << x.name;
    }
    EXPECT_EQ(back.find("staging jaeger"), &back.connections[1]);
    EXPECT_EQ(back.find("nope"), nullptr);
}

TEST_F(RemoteConnectionTest, SavedFileIsPrivateEvenOverAReadableOne) {
    writeFile("connections.json", "{}", 0644);
    ConnectionList list;
    list.connections = {bearer()};
    std::string error;
    ASSERT_TRUE(saveConnections(path_, list, error)) << error;
    struct stat st {};
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(fs::exists(path_ + ".tmp"));

    // And into a folder that does not exist yet.
    const std::string nested = (dir_ / "new" / "folder" / "connections.json").string();
    ASSERT_TRUE(saveConnections(nested, list, error)) << error;
    ASSERT_EQ(::stat(nested.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(RemoteConnectionTest, SecretsInAFileOthersCanReadAreIgnored) {
    const std::string json = std::string(R"({"connections": [{"name": "prod", "kind": "tempo",
        "url": "https://tempo.example", "auth": "bearer", "secret": ")") +
                             kPlanted + R"(", "headers": [{"name": "X-Api-Key", "value": ")" +
                             kPlanted + R"("}, {"name": "X-Env", "value_env": "SOME_VAR"}]}]})";
    for (mode_t mode : {0644, 0640, 0604}) {
        writeFile("connections.json", json, mode);
        ConnectionList list;
        std::string error;
        std::vector<std::string> warnings;
        ASSERT_TRUE(loadConnections(path_, list, error, &warnings)) << error;
        ASSERT_EQ(list.connections.size(), 1u);
        EXPECT_EQ(list.connections[0].secret, "");
        ASSERT_EQ(list.connections[0].headers.size(), 2u);
        EXPECT_EQ(list.connections[0].headers[0].value, "");
        EXPECT_EQ(list.connections[0].headers[1].valueEnv, "SOME_VAR");  // not a secret
        ASSERT_EQ(warnings.size(), 1u) << std::oct << mode;
        EXPECT_EQ(warnings[0], path_ +
                                   ": others can read this file, so the secrets in it are not "
                                   "used; chmod 600 it");
        // Without a warnings list it still loads, still without the secrets.
        ASSERT_TRUE(loadConnections(path_, list, error));
        EXPECT_EQ(list.connections[0].secret, "");
    }
    writeFile("connections.json", json, 0600);
    ConnectionList list;
    std::string error;
    std::vector<std::string> warnings;
    ASSERT_TRUE(loadConnections(path_, list, error, &warnings)) << error;
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(list.connections[0].secret, kPlanted);
    EXPECT_EQ(list.connections[0].headers[0].value, kPlanted);
}

TEST_F(RemoteConnectionTest, ReadableFileWithoutSecretsGivesNoWarning) {
    writeFile("connections.json",
              R"({"connections": [{"name": "j", "url": "http://j:16686", "secret_env": "T"}]})",
              0644);
    ConnectionList list;
    std::string error;
    std::vector<std::string> warnings;
    ASSERT_TRUE(loadConnections(path_, list, error, &warnings)) << error;
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(list.connections.size(), 1u);
    // Defaults for what the file leaves out.
    const Connection& c = list.connections[0];
    EXPECT_EQ(c.kind, SourceKind::Jaeger);
    EXPECT_EQ(c.auth, AuthKind::None);
    EXPECT_TRUE(c.verifyTls);
    EXPECT_EQ(c.timeout.count(), 30000);
}

TEST_F(RemoteConnectionTest, MissingFileIsAnEmptyList) {
    ConnectionList list;
    list.connections = {bearer()};  // replaced, not appended to
    std::string error;
    EXPECT_TRUE(loadConnections((dir_ / "absent.json").string(), list, error));
    EXPECT_TRUE(list.connections.empty());
    EXPECT_EQ(error, "");
    // An empty object and an empty list are fine too.
    writeFile("connections.json", "{}", 0600);
    EXPECT_TRUE(loadConnections(path_, list, error)) << error;
    writeFile("connections.json", R"({"connections": []})", 0600);
    EXPECT_TRUE(loadConnections(path_, list, error)) << error;
    EXPECT_TRUE(list.connections.empty());
}

TEST_F(RemoteConnectionTest, MalformedJsonNamesTheByte) {
    EXPECT_EQ(loadError(R"({"connections": [{"name": }]})"), path_ + ": not valid JSON at byte 27");
    EXPECT_EQ(loadError(""), path_ + ": not valid JSON at byte 1");
    EXPECT_EQ(loadError("[]"), path_ + ": must hold {\"connections\": [...]}");
    EXPECT_EQ(loadError(R"({"connections": {}})"), path_ + ": must hold {\"connections\": [...]}");
}

TEST_F(RemoteConnectionTest, EveryRefusalNamesTheConnection) {
    const std::string ok = R"({"name": "first", "url": "http://j:16686"})";
    auto file = [&](const std::string& second) {
        return R"({"connections": [)" + ok + ", " + second + "]}";
    };
    const std::string at = path_ + ": connections[1]";
    EXPECT_EQ(loadError(file(R"("just a string")")), at + " is not an object");
    EXPECT_EQ(loadError(file(R"({"name": "x", "kind": "zipkin", "url": "http://z:9411"})")),
              at + ": kind must be jaeger, tempo, loki or prometheus");
    EXPECT_EQ(loadError(file(R"({"name": "x", "auth": "oauth", "url": "http://z:1"})")),
              at + ": auth must be none, bearer or basic");
    EXPECT_EQ(loadError(file(R"({"name": "first", "url": "http://other:16686"})")),
              at + ": a second connection named 'first'");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://admin:)" + std::string(kPlanted) +
                             R"(@j:16686"})")),
              at + ": 'x': put the user name and password in the authentication settings, not in "
                   "the URL");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://j:16686/?token=)" +
                             std::string(kPlanted) + R"("})")),
              at + ": 'x': the URL must not have a query or fragment");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://j:16686", "auth": "basic"})")),
              at + ": 'x': basic authentication needs a user name");
    EXPECT_EQ(loadError(file(R"({"url": "http://j:16686"})")),
              at + ": a connection needs a name on one line");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "ftp://j"})")),
              at + ": 'x': the URL must start with http:// or https:// and name a host");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://j", "timeout_s": -1})")),
              at + ": 'x': the timeout must be positive");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://j", "timeout_s": 1e300})")),
              at + ": timeout_s must be a number of seconds, at most 86400");
    EXPECT_EQ(loadError(file(R"({"name": "x", "url": "http://j", "timeout_s": -1e300})")),
              at + ": 'x': the timeout must be positive");
}

TEST_F(RemoteConnectionTest, WrongTypesNameTheConnection) {
    const std::string ok = R"({"name": "first", "url": "http://j:16686"})";
    for (const std::string& bad :
         {std::string(R"({"name": "x", "url": "http://j", "verify_tls": "yes"})"),
          std::string(R"({"name": 7, "url": "http://j"})"),
          std::string(R"({"name": "x", "url": "http://j", "timeout_s": "30"})"),
          std::string(R"({"name": "x", "url": "http://j", "headers": ["X-A: )") + kPlanted +
              R"("]})",
          std::string(R"({"name": "x", "url": "http://j", "secret": 12345})")}) {
        const std::string error = loadError(R"({"connections": [)" + ok + ", " + bad + "]}");
        EXPECT_EQ(error.rfind(path_ + ": connections[1]: ", 0), 0u) << error;
        EXPECT_NE(error.find("wrong type"), std::string::npos) << error;
    }
}

TEST_F(RemoteConnectionTest, NoLoadErrorEverHoldsThePlantedSecret) {
    const std::string s = kPlanted;
    // loadError() checks each for the secret; these are the places a secret can be put.
    loadError(R"({"connections": [{"name": "x", "url": "http://u:)" + s + R"(@h"}]})");
    loadError(R"({"connections": [{"name": "x", "url": "http://h/?k=)" + s + R"("}]})");
    loadError(R"({"connections": [{"name": "x", "url": "http://h", "headers": [{"name": )"
              R"("Authorization: Bearer )" +
              s + R"("}]}]})");
    loadError(R"({"connections": [{"name": "x", "url": "http://h", "secret": ")" + s +
              R"(", "auth": "basic"}]})");
    loadError(R"({"connections": [{"name": "x", "url": "http://h", "secret": ")" + s + R"(" )");
    loadError(R"({"connections": [{"name": "x", "url": "http://h", "tenant": "a\r\n)" + s +
              R"("}]})");
}

TEST_F(RemoteConnectionTest, ConnectionsPathFollowsTheEnvironment) {
    ::setenv("ROOTLINE_CONNECTIONS_FILE", "/tmp/x/conn.json", 1);
    EXPECT_EQ(connectionsPath(), "/tmp/x/conn.json");
    ::unsetenv("ROOTLINE_CONNECTIONS_FILE");
    ::setenv("XDG_CONFIG_HOME", "/xdg", 1);
    EXPECT_EQ(connectionsPath(), "/xdg/Rootline/rootline/connections.json");
    ::unsetenv("XDG_CONFIG_HOME");
    ::setenv("HOME", "/home/me", 1);
    EXPECT_EQ(connectionsPath(), "/home/me/.config/Rootline/rootline/connections.json");
}

// ---- resolveSecret ----

TEST_F(RemoteConnectionTest, SecretFromTheEnvironmentWinsAndIsTrimmed) {
    Connection c = bearer();
    c.secret = "stored";
    c.secretFile = writeFile("token", "from-file\n", 0600);
    c.secretEnv = kTokenEnv;
    ::setenv(kTokenEnv, "from-env", 1);
    std::string secret, error;
    ASSERT_TRUE(resolveSecret(c, secret, error)) << error;
    EXPECT_EQ(secret, "from-env");
    // A variable filled from a file (a Kubernetes secret) often ends with a newline.
    ::setenv(kTokenEnv, "from-env\n", 1);
    ASSERT_TRUE(resolveSecret(c, secret, error)) << error;
    EXPECT_EQ(secret, "from-env");
    // An empty variable counts as unset: the file is next.
    ::setenv(kTokenEnv, "", 1);
    ASSERT_TRUE(resolveSecret(c, secret, error)) << error;
    EXPECT_EQ(secret, "from-file");
    // Then the stored secret.
    c.secretFile.clear();
    ASSERT_TRUE(resolveSecret(c, secret, error)) << error;
    EXPECT_EQ(secret, "stored");
}

TEST_F(RemoteConnectionTest, SecretInsideALineBreakIsRefusedWithoutItsValue) {
    Connection c = bearer();
    c.secretEnv = kTokenEnv;
    ::setenv(kTokenEnv, (std::string(kPlanted) + "\r\nX-Injected: 1").c_str(), 1);
    std::string secret, error;
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_NE(error.find(std::string("$") + kTokenEnv), std::string::npos) << error;
    EXPECT_NE(error.find("line break"), std::string::npos) << error;
    EXPECT_EQ(error.find(kPlanted), std::string::npos) << error;
    EXPECT_EQ(secret, "");
}

TEST_F(RemoteConnectionTest, SecretFromAPrivateFile) {
    Connection c = bearer();
    c.secret.clear();
    c.secretFile = writeFile("token", "file-token \r\nsecond line ignored\n", 0600);
    std::string secret, error;
    ASSERT_TRUE(resolveSecret(c, secret, error)) << error;
    EXPECT_EQ(secret, "file-token");

    writeFile("token", "\n", 0600);
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_EQ(error, "'prod tempo': " + c.secretFile + " is empty");
}

TEST_F(RemoteConnectionTest, SecretFileOthersCanReadIsRefused) {
    Connection c = bearer();
    c.secretFile = writeFile("token", std::string(kPlanted) + "\n", 0644);
    std::string secret, error;
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_EQ(error, "'prod tempo': " + c.secretFile +
                         " can be read by others, so it is not used; chmod 600 it");
    EXPECT_EQ(secret, "");
    // Not even the stored secret is used instead: the file was meant.
    EXPECT_EQ(error.find(kPlanted), std::string::npos);

    c.secretFile = (dir_ / "absent-token").string();
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_EQ(error, "'prod tempo': " + c.secretFile + " cannot be read");
}

TEST_F(RemoteConnectionTest, MissingSecretNamesTheVariableNeverAValue) {
    Connection c = bearer();
    c.secret.clear();
    c.secretEnv = kUnsetEnv;
    std::string secret, error;
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_EQ(error, std::string("'prod tempo': no token ($") + kUnsetEnv + " is not set)");

    c.auth = AuthKind::Basic;
    c.username = "alice";
    c.secretEnv.clear();
    EXPECT_FALSE(resolveSecret(c, secret, error));
    EXPECT_EQ(error, "'prod tempo': no password is set");

    c.auth = AuthKind::None;
    error.clear();
    EXPECT_TRUE(resolveSecret(c, secret, error));
    EXPECT_EQ(secret, "");
    EXPECT_EQ(error, "");
}

// ---- buildRequest ----

TEST_F(RemoteConnectionTest, BearerRequest) {
    Connection c = bearer();
    c.tenant = "team-a";
    c.verifyTls = false;
    c.caFile = "/etc/ssl/company.pem";
    c.timeout = std::chrono::milliseconds(2500);
    net::HttpRequest r;
    std::string error;
    ASSERT_TRUE(buildRequest(c, "/api/traces/abc?x=1", r, error)) << error;
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, "https://grafana.example/tempo/api/traces/abc?x=1");
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(header(r, "Authorization"), std::string("Bearer ") + kPlanted);
    EXPECT_EQ(header(r, "X-Scope-OrgID"), "team-a");
    EXPECT_EQ(header(r, "Accept"), "application/json");
    EXPECT_FALSE(r.verifyTls);
    EXPECT_EQ(r.caFile, "/etc/ssl/company.pem");
    EXPECT_EQ(r.timeout.count(), 2500);
    EXPECT_EQ(r.connectTimeout.count(), 2500);  // never longer than the whole exchange
    EXPECT_GE(r.maxResponseBytes, 512u * 1024 * 1024);

    c.timeout = std::chrono::milliseconds(60000);
    ASSERT_TRUE(buildRequest(c, "/x", r, error)) << error;
    EXPECT_EQ(r.connectTimeout.count(), 5000);
    EXPECT_TRUE(buildRequest(defaultConnection(SourceKind::Jaeger), "/api/services", r, error));
    EXPECT_EQ(header(r, "Authorization"), "<absent>");
    EXPECT_EQ(header(r, "X-Scope-OrgID"), "<absent>");
    EXPECT_TRUE(r.verifyTls);
}

TEST_F(RemoteConnectionTest, BasicRequest) {
    Connection c = defaultConnection(SourceKind::Jaeger);
    c.auth = AuthKind::Basic;
    c.username = "alice";
    c.secretEnv = kTokenEnv;
    ::setenv(kTokenEnv, "s3cr3t", 1);
    net::HttpRequest r;
    std::string error;
    ASSERT_TRUE(buildRequest(c, "/api/services", r, error)) << error;
    EXPECT_EQ(header(r, "Authorization"), "Basic YWxpY2U6czNjcjN0");  // alice:s3cr3t
    EXPECT_EQ(r.url, "http://localhost:16686/api/services");
}

TEST_F(RemoteConnectionTest, ExtraHeadersFromValueAndVariable) {
    Connection c = defaultConnection(SourceKind::Tempo);
    c.headers = {{"X-Api-Key", "stored-key", ""},
                 {"X-From-Env", "fallback", kHeaderEnv},
                 {"X-Only-Env", "", kHeaderEnv}};
    net::HttpRequest r;
    std::string error;
    ::setenv(kHeaderEnv, "env-value", 1);
    ASSERT_TRUE(buildRequest(c, "/api/v2/traces/x", r, error)) << error;
    EXPECT_EQ(header(r, "X-Api-Key"), "stored-key");
    EXPECT_EQ(header(r, "X-From-Env"), "env-value");
    EXPECT_EQ(header(r, "X-Only-Env"), "env-value");
    ::unsetenv(kHeaderEnv);
    c.headers.pop_back();
    ASSERT_TRUE(buildRequest(c, "/api/v2/traces/x", r, error)) << error;
    EXPECT_EQ(header(r, "X-From-Env"), "fallback");
}

TEST_F(RemoteConnectionTest, HeaderWhoseVariableIsUnsetIsAnError) {
    // Sent empty, it would only come back as a puzzling 401 from the server.
    Connection c = defaultConnection(SourceKind::Tempo);
    c.headers = {{"X-Api-Key", "", kUnsetEnv}};
    net::HttpRequest r;
    std::string error;
    EXPECT_FALSE(buildRequest(c, "/x", r, error));
    EXPECT_EQ(error, std::string("'local tempo': header X-Api-Key: $") + kUnsetEnv + " is not set");

    ::setenv(kHeaderEnv, (std::string(kPlanted) + "\nX-Injected: 1").c_str(), 1);
    c.headers = {{"X-Api-Key", "", kHeaderEnv}};
    EXPECT_FALSE(buildRequest(c, "/x", r, error));
    EXPECT_NE(error.find("line break"), std::string::npos) << error;
    EXPECT_EQ(error.find(kPlanted), std::string::npos) << error;
}

TEST_F(RemoteConnectionTest, SubPathJoinsWithAndWithoutTrailingSlash) {
    net::HttpRequest r;
    std::string error;
    for (const char* base :
         {"http://h:3200/tempo", "http://h:3200/tempo/", "http://h:3200/tempo//"}) {
        Connection c = defaultConnection(SourceKind::Tempo);
        c.baseUrl = base;
        ASSERT_TRUE(buildRequest(c, "/api/echo", r, error)) << error;
        EXPECT_EQ(r.url, "http://h:3200/tempo/api/echo") << base;
    }
    EXPECT_EQ(joinUrl("http://h", "/a"), "http://h/a");
    EXPECT_EQ(joinUrl("http://h/", "/a"), "http://h/a");
    EXPECT_EQ(joinUrl("http://h/sub", "a?b=c"), "http://h/sub/a?b=c");
    EXPECT_EQ(joinUrl("http://h/sub/", ""), "http://h/sub/");
}

TEST_F(RemoteConnectionTest, FailedSecretFailsTheRequestWithoutAValue) {
    Connection c = bearer();
    c.secret.clear();
    c.secretEnv = kUnsetEnv;
    net::HttpRequest r;
    std::string error;
    EXPECT_FALSE(buildRequest(c, "/x", r, error));
    EXPECT_EQ(error, std::string("'prod tempo': no token ($") + kUnsetEnv + " is not set)");
}

// ---- urlEncode ----

TEST_F(RemoteConnectionTest, UrlEncodeKeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(urlEncode("AZaz09-_.~"), "AZaz09-_.~");
    EXPECT_EQ(urlEncode("a b/c?d=e&f+g#h%"), "a%20b%2Fc%3Fd%3De%26f%2Bg%23h%25");
    EXPECT_EQ(urlEncode("{ status = error }"), "%7B%20status%20%3D%20error%20%7D");
    EXPECT_EQ(urlEncode("caf\xc3\xa9"), "caf%C3%A9");
    EXPECT_EQ(urlEncode(std::string_view("\0\n", 2)), "%00%0A");
    EXPECT_EQ(urlEncode(""), "");
}

}  // namespace
}  // namespace rootline::remote

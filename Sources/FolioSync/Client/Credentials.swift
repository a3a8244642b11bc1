import FolioCore

/// What a device keeps after `folio login`: where the server is, who it is, and the token.
public struct Credentials: Sendable, Hashable {
    /// The server's base URL.
    public var server: String
    /// The account's email.
    public var email: String
    /// The user's id on the server.
    public var user: String
    /// The space this replica syncs with.
    public var space: String
    /// The device token (secret).
    public var token: String
    /// The device's name, as the server knows it.
    public var device: String

    /// Credentials from their parts.
    public init(server: String, email: String, user: String, space: String, token: String, device: String) {
        self.server = server
        self.email = email
        self.user = user
        self.space = space
        self.token = token
        self.device = device
    }

    /// As stored.
    public var json: JSONValue {
        ["server": .string(server), "email": .string(email), "user": .string(user), "space": .string(space),
         "token": .string(token), "device": .string(device)]
    }

    /// Reads stored credentials.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "credentials")
        server = try object.string("server")
        email = try object.string("email")
        user = try object.string("user")
        space = try object.string("space")
        token = try object.string("token")
        device = try object.string("device")
    }
}

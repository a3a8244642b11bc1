import FolioCore

/// `POST /v1/auth/register` and `POST /v1/auth/login`: an email, a password, and a name
/// for the device the token is for (`"laptop"`), shown in token listings.
public struct AuthRequest: Sendable, Hashable {
    /// The account's email (compared case-insensitively).
    public var email: String
    /// The password; never logged.
    public var password: String
    /// A name for the device, optional.
    public var device: String?

    /// A request from its parts.
    public init(email: String, password: String, device: String? = nil) {
        self.email = email
        self.password = password
        self.device = device
    }

    /// The body's JSON.
    public var json: JSONValue {
        ["email": .string(email), "password": .string(password), "device": device.map { .string($0) } ?? .null]
    }

    /// Reads a request body, refusing unknown fields.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        try object.only(["email", "password", "device"])
        email = try object.string("email")
        password = try object.string("password")
        device = try object.optionalString("device")
    }
}

/// The reply to register and login: a device token (sent as `Authorization: Bearer TOKEN`
/// from then on), the user, and the spaces the user is a member of. `space` is the user's
/// own space, made at registration.
public struct AuthResponse: Sendable, Hashable {
    /// The device token: opaque, shown once, stored hashed by the server.
    public var token: String
    /// The user's id.
    public var user: String
    /// The user's own space.
    public var space: String
    /// The server's clock reading.
    public var serverHLC: String

    /// A reply from its parts.
    public init(token: String, user: String, space: String, serverHLC: String) {
        self.token = token
        self.user = user
        self.space = space
        self.serverHLC = serverHLC
    }

    /// The reply's JSON.
    public var json: JSONValue {
        ["token": .string(token), "user": .string(user), "space": .string(space), "server_hlc": .string(serverHLC)]
    }

    /// Reads a reply.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        token = try object.string("token")
        user = try object.string("user")
        space = try object.string("space")
        serverHLC = try object.string("server_hlc")
    }
}

'use strict';
// X509Certificate fields, checks and toLegacyObject() for a fixed CA and leaf certificate.
// Expected values were recorded from node 22.
const assert = require('node:assert');
const crypto = require('node:crypto');

const caPem = `-----BEGIN CERTIFICATE-----
MIIB2DCCAX6gAwIBAgIUPvtprBnCk8UyNhoGMTaN4sw5TvQwCgYIKoZIzj0EAwIw
OjELMAkGA1UEBhMCTloxEzARBgNVBAoMCkNhaXJuIFRlc3QxFjAUBgNVBAMMDUNh
aXJuIFRlc3QgQ0EwIBcNMjYxMTI2MTExMDUxWhgPMjEyNjExMDIxMTEwNTFaMDox
CzAJBgNVBAYTAk5aMRMwEQYDVQQKDApDYWlybiBUZXN0MRYwFAYDVQQDDA1DYWly
biBUZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEa4BtNVmG8n8LQWv2
CG7AIo1yhBEX8e3Iq58ePYwkGmXjctvz7Ybwn++LrdWdhLAybP5CLIfmWeklwpDw
oYJ6vKNgMF4wHQYDVR0OBBYEFO8IYCVw8UmClYfs4gxezSNyKT8aMB8GA1UdIwQY
MBaAFO8IYCVw8UmClYfs4gxezSNyKT8aMA8GA1UdEwEB/wQFMAMBAf8wCwYDVR0P
BAQDAgIEMAoGCCqGSM49BAMCA0gAMEUCIQCrkdFcC9fOXBv+rQboUk4nVMA1ExTv
wIEyPVDXTTEKcgIgPYxzgNZEaE4bZguTpwbBt6OmWDDkghGZPu/itgbLHhY=
-----END CERTIFICATE-----
`;
const leafPem = `-----BEGIN CERTIFICATE-----
MIICeTCCAh6gAwIBAgIEEjSrzTAKBggqhkjOPQQDAjA6MQswCQYDVQQGEwJOWjET
MBEGA1UECgwKQ2Fpcm4gVGVzdDEWMBQGA1UEAwwNQ2Fpcm4gVGVzdCBDQTAgFw0y
NjExMjYxMTEwNTFaGA8yMTI2MTEwMjExMTA1MVowPTELMAkGA1UEBhMCTloxEzAR
BgNVBAoMCkNhaXJuIFRlc3QxGTAXBgNVBAMMEGxlYWYuZXhhbXBsZS5jb20wWTAT
BgcqhkjOPQIBBggqhkjOPQMBBwNCAATeGBeVpKZM/z1wo8dWrmhxsyMmYLKoarDi
0eMVubPNXiRm7XUQvIV62Opc19G+2tdm3XIgNM6z2Poh8j0B1WCCo4IBCzCCAQcw
RgYDVR0RBD8wPYIQbGVhZi5leGFtcGxlLmNvbYISKi53aWxkLmV4YW1wbGUuY29t
hwR/AAABgQ9vcHNAZXhhbXBsZS5jb20wXgYIKwYBBQUHAQEEUjBQMCQGCCsGAQUF
BzABhhhodHRwOi8vb2NzcC5leGFtcGxlLmNvbS8wKAYIKwYBBQUHMAKGHGh0dHA6
Ly9jYS5leGFtcGxlLmNvbS9jYS5wZW0wHQYDVR0lBBYwFAYIKwYBBQUHAwEGCCsG
AQUFBwMCMB0GA1UdDgQWBBRj+rEecZ3boNI90XL0C1t4yJMV1DAfBgNVHSMEGDAW
gBTvCGAlcPFJgpWH7OIMXs0jcik/GjAKBggqhkjOPQQDAgNJADBGAiEAulozBOGD
XPCOkEcaEMP8vkIDV9B6l7raZ8sFLX7oTZwCIQDHnJYbvLdA0RAncGRCzDPAVrAz
VNtGElQQHsFaImbvPQ==
-----END CERTIFICATE-----
`;
const leafKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgVEDMO4FyeNuSyxYu
581ruo+oG0lMCGSoLY3xZWVybjChRANCAATeGBeVpKZM/z1wo8dWrmhxsyMmYLKo
arDi0eMVubPNXiRm7XUQvIV62Opc19G+2tdm3XIgNM6z2Poh8j0B1WCC
-----END PRIVATE KEY-----
`;

const cert = new crypto.X509Certificate(leafPem);
const ca = new crypto.X509Certificate(Buffer.from(caPem));
assert.strictEqual(cert.subject, "C=NZ\nO=Cairn Test\nCN=leaf.example.com");
assert.strictEqual(cert.issuer, "C=NZ\nO=Cairn Test\nCN=Cairn Test CA");
assert.strictEqual(cert.subjectAltName, "DNS:leaf.example.com, DNS:*.wild.example.com, IP Address:127.0.0.1, email:ops@example.com");
assert.strictEqual(cert.infoAccess, "OCSP - URI:http://ocsp.example.com/\nCA Issuers - URI:http://ca.example.com/ca.pem");
assert.strictEqual(cert.validFrom, "Nov 26 11:10:51 2026 GMT");
assert.strictEqual(cert.validTo, "Nov  2 11:10:51 2126 GMT");
assert.strictEqual(cert.validFromDate.toISOString(), "2026-11-26T11:10:51.000Z");
assert.strictEqual(cert.validToDate.toISOString(), "2126-11-02T11:10:51.000Z");
assert.strictEqual(cert.fingerprint, "F9:CA:8B:96:B0:F3:8A:EF:3D:D8:7A:9B:72:92:D4:3E:CD:E1:33:79");
assert.strictEqual(cert.fingerprint256, "96:7A:D1:28:03:02:D9:2E:E0:01:5D:B6:C4:55:83:D2:96:4E:2B:29:B3:30:23:9B:24:89:98:A1:A4:35:D0:94");
assert.strictEqual(cert.fingerprint512, "7C:2A:0D:AB:C9:99:52:0E:6E:45:1B:8D:51:46:0F:DE:62:E3:43:E0:01:23:06:AE:C1:98:75:7A:9B:39:7C:CB:33:C7:34:A3:2B:2B:3A:8C:C6:94:EB:3A:56:2B:CE:77:D5:4F:DF:C9:4F:16:E4:37:AF:8F:D9:08:FE:3F:D3:61");
assert.deepStrictEqual(cert.keyUsage, ["1.3.6.1.5.5.7.3.1","1.3.6.1.5.5.7.3.2"]);
assert.strictEqual(cert.serialNumber, "1234ABCD");
assert.strictEqual(cert.ca, false);
assert.strictEqual(ca.ca, true);
assert.strictEqual(ca.subjectAltName, undefined);
assert.strictEqual(cert.raw.toString('base64'), "MIICeTCCAh6gAwIBAgIEEjSrzTAKBggqhkjOPQQDAjA6MQswCQYDVQQGEwJOWjETMBEGA1UECgwKQ2Fpcm4gVGVzdDEWMBQGA1UEAwwNQ2Fpcm4gVGVzdCBDQTAgFw0yNjExMjYxMTEwNTFaGA8yMTI2MTEwMjExMTA1MVowPTELMAkGA1UEBhMCTloxEzARBgNVBAoMCkNhaXJuIFRlc3QxGTAXBgNVBAMMEGxlYWYuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATeGBeVpKZM/z1wo8dWrmhxsyMmYLKoarDi0eMVubPNXiRm7XUQvIV62Opc19G+2tdm3XIgNM6z2Poh8j0B1WCCo4IBCzCCAQcwRgYDVR0RBD8wPYIQbGVhZi5leGFtcGxlLmNvbYISKi53aWxkLmV4YW1wbGUuY29thwR/AAABgQ9vcHNAZXhhbXBsZS5jb20wXgYIKwYBBQUHAQEEUjBQMCQGCCsGAQUFBzABhhhodHRwOi8vb2NzcC5leGFtcGxlLmNvbS8wKAYIKwYBBQUHMAKGHGh0dHA6Ly9jYS5leGFtcGxlLmNvbS9jYS5wZW0wHQYDVR0lBBYwFAYIKwYBBQUHAwEGCCsGAQUFBwMCMB0GA1UdDgQWBBRj+rEecZ3boNI90XL0C1t4yJMV1DAfBgNVHSMEGDAWgBTvCGAlcPFJgpWH7OIMXs0jcik/GjAKBggqhkjOPQQDAgNJADBGAiEAulozBOGDXPCOkEcaEMP8vkIDV9B6l7raZ8sFLX7oTZwCIQDHnJYbvLdA0RAncGRCzDPAVrAzVNtGElQQHsFaImbvPQ==");
assert.strictEqual(cert.toString(), leafPem);
assert.strictEqual(cert.toJSON(), leafPem);
assert.strictEqual(new crypto.X509Certificate(cert.raw).fingerprint256, cert.fingerprint256);
assert.strictEqual(cert.publicKey.type, 'public');
assert.strictEqual(cert.publicKey.asymmetricKeyType, 'ec');

assert.strictEqual(cert.checkHost('leaf.example.com'), 'leaf.example.com');
assert.strictEqual(cert.checkHost('a.wild.example.com'), "*.wild.example.com");
assert.strictEqual(cert.checkHost('a.wild.example.com', { wildcards: false }), undefined);
assert.strictEqual(cert.checkHost('other.example.com'), undefined);
assert.strictEqual(cert.checkEmail('ops@example.com'), 'ops@example.com');
assert.strictEqual(cert.checkEmail('dev@example.com'), undefined);
assert.strictEqual(cert.checkIP('127.0.0.1'), '127.0.0.1');
assert.strictEqual(cert.checkIP('10.0.0.1'), undefined);
assert.strictEqual(cert.checkIssued(ca), true);
assert.strictEqual(ca.checkIssued(cert), false);
assert.strictEqual(cert.verify(ca.publicKey), true);
assert.strictEqual(cert.verify(cert.publicKey), false);
assert.strictEqual(cert.checkPrivateKey(crypto.createPrivateKey(leafKey)), true);
assert.strictEqual(ca.checkPrivateKey(crypto.createPrivateKey(leafKey)), false);

const legacy = cert.toLegacyObject();
assert.deepStrictEqual(Object.keys(legacy), ["subject","issuer","subjectaltname","infoAccess","ca","bits","pubkey","asn1Curve","nistCurve","valid_from","valid_to","fingerprint","fingerprint256","fingerprint512","ext_key_usage","serialNumber","raw"]);
assert.strictEqual(legacy.subject.CN, 'leaf.example.com');
assert.strictEqual(legacy.subjectaltname, cert.subjectAltName);
assert.deepStrictEqual({ ...legacy.infoAccess }, {"OCSP - URI":["http://ocsp.example.com/"],"CA Issuers - URI":["http://ca.example.com/ca.pem"]});
assert.strictEqual(legacy.asn1Curve, 'prime256v1');
assert.strictEqual(legacy.nistCurve, 'P-256');
assert.strictEqual(legacy.bits, 256);
assert.strictEqual(legacy.pubkey.toString('hex'), "04de181795a4a64cff3d70a3c756ae6871b3232660b2a86ab0e2d1e315b9b3cd5e2466ed7510bc857ad8ea5cd7d1bedad766dd722034ceb3d8fa21f23d01d56082");

assert.throws(() => new crypto.X509Certificate('not a certificate'), {
  code: 'ERR_OSSL_PEM_NO_START_LINE', message: 'error:0480006C:PEM routines::no start line',
});
assert.throws(() => new crypto.X509Certificate(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cert.checkIssued({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cert.checkHost(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cert.checkIP('not an ip'), { code: 'ERR_INVALID_ARG_VALUE' });

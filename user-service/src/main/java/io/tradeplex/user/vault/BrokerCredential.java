package io.tradeplex.user.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One sealed secret of a broker account. Never serialised, and its toString shows no bytes. */
@Entity
@Table(name = "broker_credentials")
public class BrokerCredential {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "account_id", nullable = false)
    public UUID accountId;
    /** One of {@link SecretName}'s wire names. */
    @Column(nullable = false)
    public String name;
    @Column(name = "format_version", nullable = false)
    public short formatVersion;
    @Column(name = "key_id", nullable = false)
    public String keyId;
    @Column(name = "key_nonce", nullable = false)
    public byte[] keyNonce;
    @Column(name = "wrapped_key", nullable = false)
    public byte[] wrappedKey;
    @Column(nullable = false)
    public byte[] nonce;
    @Column(nullable = false)
    public byte[] ciphertext;
    @Column(nullable = false)
    public String hint;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    SecretContext context() {
        return new SecretContext(userId, accountId, name);
    }

    SealedSecret sealed() {
        return new SealedSecret(formatVersion, keyId, keyNonce, wrappedKey, nonce, ciphertext);
    }

    void seal(SealedSecret sealed) {
        formatVersion = (short) sealed.formatVersion();
        keyId = sealed.keyId();
        keyNonce = sealed.keyNonce();
        wrappedKey = sealed.wrappedKey();
        nonce = sealed.nonce();
        ciphertext = sealed.ciphertext();
    }

    @Override
    public String toString() {
        return "BrokerCredential[id=" + id + ", accountId=" + accountId + ", name=" + name + ", keyId=" + keyId + "]";
    }
}

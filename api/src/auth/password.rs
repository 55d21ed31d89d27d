//! Password hashing: argon2id, run on a few dedicated threads.
//!
//! Each argon2 computation takes about 19 MiB. Run on tokio's blocking pool,
//! 64 concurrent sign-ins meant 64 threads at once and 1.5 GB kept by the
//! allocator afterwards. Here at most [`workers`] hashes run at a time, each
//! on its own long-lived thread (whose allocator arena keeps at most one
//! block), and a request waits in a bounded queue for at most
//! [`QUEUE_DEADLINE`]; when the queue is full or the deadline passes, it is
//! refused with `RATE_LIMITED` instead of adding memory.
//!
//! glibc's allocator raises its mmap threshold after the first 19 MiB block is
//! freed and from then on keeps every such block on the heap: RSS grew by
//! 19 MiB per sign-in, even on one thread. [`return_large_blocks_to_the_os`]
//! fixes the threshold at start-up, so each block goes back when freed.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use tokio::sync::{mpsc, oneshot};

use crate::error::AppError;

/// Most hashing requests waiting at once, beyond those being computed.
pub const QUEUE_CAPACITY: usize = 256;
/// How long a request waits for a hashing thread before it is refused.
pub const QUEUE_DEADLINE: Duration = Duration::from_secs(5);
/// Longest password accepted (argon2 takes any length; nobody types more).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Shortest password anyone may choose or be given: the one length rule, for
/// people created by an admin, self-registered professionals, a change of
/// one's own password and a reset link.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Checks a new password against the length rule; `field` names the input
/// that carried it (`initialPassword`, `password`, `newPassword`).
pub fn check_new_password(field: &str, password: &str) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::bad_input(
            field,
            format!("La password deve avere almeno {MIN_PASSWORD_CHARS} caratteri"),
            format!("The password must have at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AppError::bad_input(
            field,
            format!("La password può avere al massimo {MAX_PASSWORD_CHARS} caratteri"),
            format!("The password may have at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Argon2id with the library's recommended parameters (memory-hard).
fn hash_now(password: &str) -> Result<String, AppError> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(AppError::internal)
}

/// Constant-time check of `password` against a stored PHC string.
fn verify_now(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

enum Job {
    Hash { password: String, reply: oneshot::Sender<Result<String, AppError>> },
    Verify { password: String, phc: String, reply: oneshot::Sender<bool> },
}

struct Pool {
    queue: mpsc::Sender<(Instant, Job)>,
    in_flight: AtomicUsize,
    peak: AtomicUsize,
}

/// Allocations above this size are mapped on their own and unmapped when freed.
const MMAP_THRESHOLD_BYTES: i32 = 4 * 1024 * 1024;

/// Fixes glibc's mmap threshold (setting it turns off its dynamic growth), so
/// argon2's blocks are returned to the OS after each hash. Other allocators
/// need nothing.
pub fn return_large_blocks_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is safe to call at any time.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
    }
}

/// Threads that compute hashes: the machine's cores, at least one.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (queue, jobs) = mpsc::channel(QUEUE_CAPACITY);
        let jobs = std::sync::Arc::new(std::sync::Mutex::new(jobs));
        for i in 0..workers() {
            let jobs = jobs.clone();
            let spawned = std::thread::Builder::new().name(format!("password-{i}")).spawn(move || {
                loop {
                    // One thread waits on the queue at a time; the others wait on the lock.
                    let next = match jobs.lock() {
                        Ok(mut jobs) => jobs.blocking_recv(),
                        Err(_) => None,
                    };
                    let Some((queued_at, job)) = next else { return };
                    run(queued_at, job);
                }
            });
            if let Err(err) = spawned {
                tracing::error!(error = %err, "could not start a password hashing thread");
            }
        }
        Pool { queue, in_flight: AtomicUsize::new(0), peak: AtomicUsize::new(0) }
    })
}

/// Computes one job unless its caller has stopped waiting for it.
fn run(queued_at: Instant, job: Job) {
    let pool = pool();
    let abandoned = queued_at.elapsed() > QUEUE_DEADLINE;
    let now_running = pool.in_flight.fetch_add(1, Ordering::AcqRel) + 1;
    pool.peak.fetch_max(now_running, Ordering::AcqRel);
    match job {
        Job::Hash { password, reply } if !abandoned && !reply.is_closed() => {
            let _ = reply.send(hash_now(&password));
        }
        Job::Verify { password, phc, reply } if !abandoned && !reply.is_closed() => {
            let _ = reply.send(verify_now(&password, &phc));
        }
        _ => {}
    }
    pool.in_flight.fetch_sub(1, Ordering::AcqRel);
}

/// Most hashes ever computed at the same time in this process (tests check the bound).
pub fn peak_concurrent_hashes() -> usize {
    pool().peak.load(Ordering::Acquire)
}

fn busy() -> AppError {
    AppError::RateLimited { retry_after_secs: 1 }
}

async fn submit<T>(job: Job, answer: oneshot::Receiver<T>) -> Result<T, AppError> {
    pool().queue.try_send((Instant::now(), job)).map_err(|_| busy())?;
    match tokio::time::timeout(QUEUE_DEADLINE, answer).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) | Err(_) => Err(busy()),
    }
}

/// Hashes a new password on the hashing threads.
pub async fn hash_password(password: &str) -> Result<String, AppError> {
    let (reply, answer) = oneshot::channel();
    submit(Job::Hash { password: password.to_owned(), reply }, answer).await?
}

/// Checks `password` against `phc` on the hashing threads.
pub async fn verify_password(password: &str, phc: &str) -> Result<bool, AppError> {
    let (reply, answer) = oneshot::channel();
    submit(Job::Verify { password: password.to_owned(), phc: phc.to_owned(), reply }, answer).await
}

/// Hashes on the calling thread (seeding and generating data, outside requests).
pub fn hash_password_blocking(password: &str) -> Result<String, AppError> {
    hash_now(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let phc = hash_password("demo").await.unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("demo", &phc).await.unwrap());
        assert!(!verify_password("Demo", &phc).await.unwrap());
    }

    #[test]
    fn a_new_password_has_between_12_and_128_characters() {
        assert!(check_new_password("newPassword", "undici-car").is_err());
        assert!(check_new_password("newPassword", "dodici-carat").is_ok());
        // Characters, not bytes.
        assert!(check_new_password("newPassword", "èèèèèèèèèèè").is_err());
        assert!(check_new_password("newPassword", &"x".repeat(128)).is_ok());
        let err = check_new_password("newPassword", &"x".repeat(129)).unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }

    #[tokio::test]
    async fn a_malformed_hash_never_verifies() {
        assert!(!verify_password("demo", "not-a-phc-string").await.unwrap());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_hashes_run_at_once_than_there_are_hashing_threads() {
        let phc = hash_password_blocking("demo").unwrap();
        let checks = (0..16).map(|_| verify_password("demo", &phc));
        let results = futures::future::join_all(checks).await;
        assert!(results.iter().all(|r| matches!(r, Ok(true))));
        assert!(peak_concurrent_hashes() <= workers(), "peak {}", peak_concurrent_hashes());
    }
}

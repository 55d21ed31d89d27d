//! A TCP proxy the tests cut and restore, to put Redis or PostgreSQL out of a
//! server's reach without stopping them.

use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Forward,
    /// Connections are accepted (and kept) but nothing is ever answered: the worst case.
    Blackhole,
    /// Nothing listens: connections are refused, open ones are closed.
    Refuse,
}

/// A TCP proxy to a real server (Redis, PostgreSQL) that can be cut and restored.
pub struct TcpProxy {
    pub port: u16,
    mode: watch::Sender<Mode>,
}

impl TcpProxy {
    pub async fn start(upstream: SocketAddr) -> TcpProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (mode, rx) = watch::channel(Mode::Forward);
        tokio::spawn(accept_loop(listener, port, upstream, rx));
        TcpProxy { port, mode }
    }

    pub fn set(&self, mode: Mode) {
        self.mode.send_replace(mode);
    }
}

async fn accept_loop(mut listener: TcpListener, port: u16, upstream: SocketAddr, mut mode: watch::Receiver<Mode>) {
    loop {
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    if let Ok((socket, _)) = accepted {
                        tokio::spawn(relay(socket, upstream, mode.clone()));
                    }
                }
                changed = mode.changed() => {
                    if changed.is_err() { return }
                    if *mode.borrow() == Mode::Refuse { break }
                }
            }
        }
        drop(listener);
        if wait_for(&mut mode, |m| m != Mode::Refuse).await.is_err() {
            return;
        }
        listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    }
}

/// Waits until the mode satisfies `done`.
async fn wait_for(
    mode: &mut watch::Receiver<Mode>,
    done: impl Fn(Mode) -> bool,
) -> Result<(), watch::error::RecvError> {
    mode.wait_for(|m| done(*m)).await.map(|_| ())
}

async fn relay(mut client: TcpStream, upstream: SocketAddr, mut mode: watch::Receiver<Mode>) {
    if *mode.borrow_and_update() == Mode::Forward {
        let Ok(mut server) = TcpStream::connect(upstream).await else { return };
        tokio::select! {
            _ = tokio::io::copy_bidirectional(&mut client, &mut server) => return,
            _ = wait_for(&mut mode, |m| m != Mode::Forward) => {}
        }
    }
    // Cut: a blackholed connection stays open, unanswered, until Redis is "back".
    let _ = wait_for(&mut mode, |m| m != Mode::Blackhole).await;
}

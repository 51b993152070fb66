#pragma once

#include <string>
#include <vector>

namespace mail
{

class Address
{
public:
    explicit Address(const std::string &text)
        : m_text(text)
    {
    }

    const std::string &text() const { return m_text; }

private:
    std::string m_text;
};

class Outbox
{
public:
    explicit Outbox(std::size_t capacity)
        : m_capacity(capacity)
    {
    }

    bool push(const Address &to)
    {
        if (m_queued.size() >= m_capacity)
            return false;
        m_queued.push_back(to.text());
        return true;
    }

    std::size_t size() const { return m_queued.size(); }

private:
    std::size_t m_capacity;
    std::vector<std::string> m_queued;
};

} // namespace mail
